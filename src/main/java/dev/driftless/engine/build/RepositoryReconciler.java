package dev.driftless.engine.build;

import java.util.ArrayList;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Brings an ECR repository to its settings. Reads first and changes only what differs, so running it
 * again makes no mutating call.
 */
public final class RepositoryReconciler {
    private final ContainerRegistry registry;

    public RepositoryReconciler(ContainerRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param changes what was (or, in a dry run, would be) changed, one line each; empty when in line
     * @param warnings differences driftless cannot fix in place
     * @param uri the repository URI, or null in a dry run that would create it
     */
    public record Outcome(String repository, String uri, List<String> changes, List<String> warnings) {
        public Outcome {
            changes = List.copyOf(changes);
            warnings = List.copyOf(warnings);
        }
    }

    public Outcome ensure(RepositorySettings want, boolean dryRun) {
        Optional<RepositoryState> live = registry.describe(want.name());
        if (live.isEmpty()) {
            String what = "create repository " + want.name() + " (scan on push " + onOff(want.scanOnPush())
                    + ", tags " + (want.immutableTags() ? "immutable" : "mutable") + ", " + want.encryptionType()
                    + " encryption, " + want.tags().size() + " tags, lifecycle policy)";
            if (dryRun) {
                return new Outcome(want.name(), null, List.of(what), List.of());
            }
            RepositoryState made = registry.create(want);
            registry.putLifecyclePolicy(want.name(), want.lifecyclePolicy());
            return new Outcome(want.name(), made.uri(), List.of(what), List.of());
        }
        RepositoryState have = live.get();
        List<String> changes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (have.scanOnPush() != want.scanOnPush()) {
            changes.add("scan on push " + onOff(have.scanOnPush()) + " → " + onOff(want.scanOnPush()));
            if (!dryRun) {
                registry.setScanOnPush(want.name(), want.scanOnPush());
            }
        }
        if (have.immutableTags() != want.immutableTags()) {
            changes.add("tag immutability " + mutability(have.immutableTags()) + " → " + mutability(want.immutableTags()));
            if (!dryRun) {
                registry.setImmutableTags(want.name(), want.immutableTags());
            }
        }
        if (!sameEncryption(have, want)) {
            warnings.add("repository " + want.name() + " is encrypted with " + describeEncryption(have.encryptionType(), have.kmsKey())
                    + " but the spec asks for " + describeEncryption(want.encryptionType(), want.kmsKey())
                    + "; ECR sets encryption only at creation, so recreate the repository (after copying its images) to change it");
        }
        Map<String, String> missingTags = new TreeMap<>();
        want.tags().forEach((k, v) -> {
            if (!v.equals(have.tags().get(k))) {
                missingTags.put(k, v);
            }
        });
        if (!missingTags.isEmpty()) {
            changes.add("tags " + missingTags);
            if (!dryRun) {
                registry.tag(have.arn(), missingTags);
            }
        }
        if (!LifecyclePolicy.sameMeaning(have.lifecyclePolicy(), want.lifecyclePolicy())) {
            changes.add(have.lifecyclePolicy() == null ? "add lifecycle policy" : "replace lifecycle policy");
            if (!dryRun) {
                registry.putLifecyclePolicy(want.name(), want.lifecyclePolicy());
            }
        }
        return new Outcome(want.name(), have.uri(), changes, warnings);
    }

    private static boolean sameEncryption(RepositoryState have, RepositorySettings want) {
        if (!have.encryptionType().equals(want.encryptionType())) {
            return false;
        }
        // "KMS" alone means the AWS-managed key, whose ARN ECR fills in; any key satisfies it
        if (want.kmsKey() == null || "KMS".equals(want.kmsKey())) {
            return true;
        }
        return have.kmsKey() != null && (have.kmsKey().equals(want.kmsKey()) || have.kmsKey().endsWith("/" + want.kmsKey()));
    }

    private static String describeEncryption(String type, String key) {
        return Objects.equals(type, "KMS") && key != null && !"KMS".equals(key) ? "KMS key " + key : type;
    }

    private static String onOff(boolean b) {
        return b ? "on" : "off";
    }

    private static String mutability(boolean immutable) {
        return immutable ? "IMMUTABLE" : "MUTABLE";
    }
}
