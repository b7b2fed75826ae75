package dev.driftless.engine.build;

import java.util.Map;

/**
 * An existing ECR repository as read back.
 *
 * @param lifecyclePolicy the policy JSON, or null when none is set
 */
public record RepositoryState(
        String name, String arn, String uri, boolean scanOnPush, boolean immutableTags,
        RepositoryEncryption encryption, Map<String, String> tags, String lifecyclePolicy) {
    public RepositoryState {
        tags = Map.copyOf(tags);
    }
}
