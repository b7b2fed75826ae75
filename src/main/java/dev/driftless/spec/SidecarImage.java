package dev.driftless.spec;

/** Where a sidecar's image comes from: a full reference used as written, or an ECR repository driftless builds. */
public sealed interface SidecarImage {
    /** A complete image reference, e.g. {@code public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.4}. */
    record Reference(String uri) implements SidecarImage {
    }

    /** An ECR repository in the spec's account, tagged like the main image (and built when it has a build). */
    record Repository(ImageSpec image) implements SidecarImage {
    }
}
