package dev.driftless.engine.build;

import dev.driftless.DriftlessException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Brings ECR repositories to their settings. Reads every repository first and changes only what differs,
 * so running it again makes no mutating call; a difference ECR cannot fix in place (encryption) stops
 * the run before anything is changed.
 */
public final class RepositoryReconciler {
    private final ContainerRegistry registry;

    public RepositoryReconciler(ContainerRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param changes what was (or, in a dry run, would be) changed, one line each; empty when in line
     * @param uri the repository URI, or null in a dry run that would create it
     */
    public record Outcome(String repository, String uri, List<String> changes) {
        public Outcome {
            changes = List.copyOf(changes);
        }
    }

    public Outcome ensure(RepositorySettings want, boolean dryRun) {
        return ensureAll(List.of(want), dryRun).get(0);
    }

    /** One outcome per repository, in order; throws before any change when an encryption differs. */
    public List<Outcome> ensureAll(List<RepositorySettings> wanted, boolean dryRun) {
        List<Optional<RepositoryState>> live = new ArrayList<>();
        List<String> fixedAtCreation = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        for (RepositorySettings want : wanted) {
            Optional<RepositoryState> have = registry.describe(want.name());
            live.add(have);
            if (have.isPresent() && !want.encryption().satisfiedBy(have.get().encryption())) {
                RepositoryEncryption is = have.get().encryption();
                fixedAtCreation.add("ECR repository " + want.name() + " is encrypted with " + is
                        + " but the spec asks for " + want.encryption());
                fixes.add(want.name() + ": " + is.asSpec());
            }
        }
        if (!fixedAtCreation.isEmpty()) {
            throw new DriftlessException(String.join("; ", fixedAtCreation) + " (nothing was changed)",
                    "ECR fixes a repository's encryption when it creates it: delete and recreate the repository "
                            + "(copy the images you still deploy first), or set the image's encryption in the spec to "
                            + "what the repository has (" + String.join("; ", fixes) + ")");
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            RepositorySettings want = wanted.get(i);
            outcomes.add(live.get(i).map(have -> update(want, have, dryRun)).orElseGet(() -> create(want, dryRun)));
        }
        return List.copyOf(outcomes);
    }

    private Outcome create(RepositorySettings want, boolean dryRun) {
        String what = "create repository " + want.name() + " (scan on push " + onOff(want.scanOnPush())
                + ", tags " + (want.immutableTags() ? "immutable" : "mutable") + ", " + want.encryption()
                + " encryption, " + want.tags().size() + " tags, lifecycle policy)";
        if (dryRun) {
            return new Outcome(want.name(), null, List.of(what));
        }
        RepositoryState made = registry.create(want);
        registry.putLifecyclePolicy(want.name(), want.lifecyclePolicy());
        return new Outcome(want.name(), made.uri(), List.of(what));
    }

    private Outcome update(RepositorySettings want, RepositoryState have, boolean dryRun) {
        List<String> changes = new ArrayList<>();
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
        return new Outcome(want.name(), have.uri(), changes);
    }

    private static String onOff(boolean b) {
        return b ? "on" : "off";
    }

    private static String mutability(boolean immutable) {
        return immutable ? "IMMUTABLE" : "MUTABLE";
    }
}
