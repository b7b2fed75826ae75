package dev.driftless.engine.build;

import dev.driftless.spec.ImageSpec;

/** How ECR encrypts a repository at rest. ECR sets it at creation and never changes it afterwards. */
public sealed interface RepositoryEncryption {
    /** ECR's name for the type: AES256, KMS, or what ECR reported. */
    String type();

    /** Whether a repository encrypted as {@code live} is what this setting asks for. */
    boolean satisfiedBy(RepositoryEncryption live);

    /** How the spec would say it, for a message that tells the user what to write. */
    String asSpec();

    static RepositoryEncryption of(ImageSpec image) {
        return ImageSpec.KMS.equals(image.encryption()) ? new Kms(image.kmsKey()) : new Aes256();
    }

    /** From what ECR reports; a repository made without an encryption configuration is AES256. */
    static RepositoryEncryption live(String type, String key) {
        if (type == null || "AES256".equals(type)) {
            return new Aes256();
        }
        return "KMS".equals(type) ? new Kms(key) : new Other(type, key);
    }

    record Aes256() implements RepositoryEncryption {
        @Override
        public String type() {
            return "AES256";
        }

        @Override
        public boolean satisfiedBy(RepositoryEncryption live) {
            return live instanceof Aes256;
        }

        @Override
        public String asSpec() {
            return "encryption: AES256";
        }

        @Override
        public String toString() {
            return "AES256";
        }
    }

    /** @param key the key or alias ARN; null for ECR's AWS-managed key */
    record Kms(String key) implements RepositoryEncryption {
        @Override
        public String type() {
            return "KMS";
        }

        @Override
        public boolean satisfiedBy(RepositoryEncryption live) {
            if (!(live instanceof Kms k)) {
                return false;
            }
            // ECR reports the key ARN it resolved at creation. Without a key in the spec (the AWS-managed key)
            // or with an alias, telling which key that is would need KMS reads driftless is not granted, so
            // any KMS key passes; a key ARN must be the very key.
            return key == null || key.contains(":alias/") || key.equals(k.key());
        }

        @Override
        public String asSpec() {
            return key == null ? "encryption: KMS" : "encryption: KMS, kmsKey: " + key;
        }

        @Override
        public String toString() {
            return key == null ? "KMS (AWS-managed key)" : "KMS key " + key;
        }
    }

    /** A type driftless does not set (such as KMS_DSSE); no spec setting matches it. */
    record Other(String type, String key) implements RepositoryEncryption {
        @Override
        public boolean satisfiedBy(RepositoryEncryption live) {
            return equals(live);
        }

        @Override
        public String asSpec() {
            return "nothing: driftless creates only AES256 or KMS repositories";
        }

        @Override
        public String toString() {
            return key == null ? type : type + " key " + key;
        }
    }
}
