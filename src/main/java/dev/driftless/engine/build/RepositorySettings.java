package dev.driftless.engine.build;

import java.util.Map;

/**
 * How one ECR repository should be set up.
 *
 * @param encryption fixed when the repository is created; an existing repository that differs stops the build
 * @param lifecyclePolicy the lifecycle policy JSON
 */
public record RepositorySettings(
        String name, boolean scanOnPush, boolean immutableTags, RepositoryEncryption encryption, Map<String, String> tags,
        String lifecyclePolicy) {
    public RepositorySettings {
        tags = Map.copyOf(tags);
    }
}
