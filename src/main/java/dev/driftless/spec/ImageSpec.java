package dev.driftless.spec;

import java.util.Map;

/**
 * Where a service's image lives and how it is built.
 *
 * @param repository ECR repository name (in the spec's account and region)
 * @param build how to build it, or null when the image is built elsewhere
 * @param scan scan gate settings
 * @param immutableTags ECR tag immutability
 * @param lifecycle ECR lifecycle settings
 * @param encryption how ECR encrypts the repository: AES256 or KMS (fixed when the repository is created)
 * @param kmsKey with KMS: the key or alias ARN; null for ECR's AWS-managed key
 */
public record ImageSpec(String repository, BuildSpec build, ScanSpec scan, boolean immutableTags, Lifecycle lifecycle,
        String encryption, String kmsKey) {
    public static final String AES256 = "AES256";
    public static final String KMS = "KMS";

    public ImageSpec {
        scan = scan == null ? ScanSpec.DEFAULT : scan;
        lifecycle = lifecycle == null ? Lifecycle.DEFAULT : lifecycle;
        encryption = encryption == null ? AES256 : encryption;
    }

    /** An image with the default encryption (AES256). */
    public ImageSpec(String repository, BuildSpec build, ScanSpec scan, boolean immutableTags, Lifecycle lifecycle) {
        this(repository, build, scan, immutableTags, lifecycle, null, null);
    }

    public record BuildSpec(String context, String dockerfile, Map<String, String> args, String platform) {
        public BuildSpec {
            context = context == null ? "." : context;
            dockerfile = dockerfile == null ? "Dockerfile" : dockerfile;
            args = Maps.copy(args);
        }
    }

    /** @param failOn the lowest severity that fails the build: CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL, or NONE */
    public record ScanSpec(String failOn) {
        public static final ScanSpec DEFAULT = new ScanSpec("CRITICAL");

        public ScanSpec {
            failOn = failOn == null ? "CRITICAL" : failOn;
        }
    }

    /** Keep the newest {@code keepTagged} tagged images; expire untagged ones after {@code untaggedDays}. */
    public record Lifecycle(int keepTagged, int untaggedDays) {
        public static final Lifecycle DEFAULT = new Lifecycle(20, 7);
    }
}
