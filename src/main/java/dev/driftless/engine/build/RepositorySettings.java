package dev.driftless.engine.build;

import java.util.Map;

/**
 * How one ECR repository should be set up.
 *
 * @param kmsKey null for AES256; "KMS" for the AWS-managed key; else the KMS key ARN or id
 * @param lifecyclePolicy the lifecycle policy JSON
 */
public record RepositorySettings(
        String name, boolean scanOnPush, boolean immutableTags, String kmsKey, Map<String, String> tags,
        String lifecyclePolicy) {
    public RepositorySettings {
        tags = Map.copyOf(tags);
    }

    public String encryptionType() {
        return kmsKey == null ? "AES256" : "KMS";
    }
}
