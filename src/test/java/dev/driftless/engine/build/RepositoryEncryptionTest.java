package dev.driftless.engine.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftless.spec.ImageSpec;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RepositoryEncryptionTest {
    private static final String KEY = "arn:aws:kms:us-west-2:123456789012:key/1234abcd";
    private static final String OTHER_KEY = "arn:aws:kms:us-west-2:123456789012:key/9999ffff";
    private static final String ALIAS = "arn:aws:kms:us-west-2:123456789012:alias/app-ecr";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("AES256 on AES256", new RepositoryEncryption.Aes256(), "AES256", null, true),
                Arguments.of("AES256 on a repository without a configuration", new RepositoryEncryption.Aes256(), null, null, true),
                Arguments.of("AES256 on KMS", new RepositoryEncryption.Aes256(), "KMS", KEY, false),
                Arguments.of("KMS on AES256", new RepositoryEncryption.Kms(null), "AES256", null, false),
                Arguments.of("AWS-managed key on any KMS key", new RepositoryEncryption.Kms(null), "KMS", KEY, true),
                Arguments.of("key ARN on that key", new RepositoryEncryption.Kms(KEY), "KMS", KEY, true),
                Arguments.of("key ARN on another key", new RepositoryEncryption.Kms(KEY), "KMS", OTHER_KEY, false),
                Arguments.of("alias on the key ECR resolved", new RepositoryEncryption.Kms(ALIAS), "KMS", KEY, true),
                Arguments.of("alias on AES256", new RepositoryEncryption.Kms(ALIAS), "AES256", null, false),
                Arguments.of("KMS on dual-layer KMS", new RepositoryEncryption.Kms(KEY), "KMS_DSSE", KEY, false));
    }

    @ParameterizedTest(name = "{0} → {4}")
    @MethodSource("cases")
    void satisfiedBy(String name, RepositoryEncryption want, String liveType, String liveKey, boolean satisfied) {
        assertThat(want.satisfiedBy(RepositoryEncryption.live(liveType, liveKey))).isEqualTo(satisfied);
    }

    @Test
    void theSpecsSettingBecomesTheRepositorysEncryption() {
        ImageSpec plain = new ImageSpec("app", null, null, true, null);
        ImageSpec kms = new ImageSpec("app", null, null, true, null, "KMS", ALIAS);
        ImageSpec managed = new ImageSpec("app", null, null, true, null, "KMS", null);

        assertThat(RepositoryEncryption.of(plain)).isEqualTo(new RepositoryEncryption.Aes256());
        assertThat(RepositoryEncryption.of(kms)).isEqualTo(new RepositoryEncryption.Kms(ALIAS));
        assertThat(RepositoryEncryption.of(managed)).isEqualTo(new RepositoryEncryption.Kms(null));
        assertThat(RepositoryEncryption.of(kms).asSpec()).isEqualTo("encryption: KMS, kmsKey: " + ALIAS);
    }
}
