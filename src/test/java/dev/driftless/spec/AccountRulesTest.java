package dev.driftless.spec;

import static dev.driftless.spec.RuleCase.error;
import static dev.driftless.spec.RuleCase.valid;
import static dev.driftless.spec.RuleCase.warning;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AccountRulesTest {
    private static final String SSM = "arn:aws:ssm:us-west-2:123456789012:parameter/app/db";
    private static final String SM = "arn:aws:secretsmanager:us-west-2:123456789012:secret:app/db-AbCdEf";
    private static final String TG = "arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/app/0123456789abcdef";

    static Stream<RuleCase> cases() {
        return Stream.of(
                valid("quoted 12-digit account", s -> s),
                valid("unquoted account keeps its digits", s -> s.set("account", "123456789012")),
                error("short account", s -> s.set("account", "'12345'"), "account", "is not a 12-digit AWS account id"),
                error("account with letters", s -> s.set("account", "'12345678901a'"), "account", "12-digit"),
                error("bad region", s -> s.set("region", "us-westish"), "region", "is not an AWS region name"),
                valid("role in the account", s -> s.set("environments.dev.role", "arn:aws:iam::123456789012:role/deploy")),
                error("role is not an ARN", s -> s.set("environments.dev.role", "deploy-role"),
                        "environments.dev.role", "is not an IAM role ARN"),
                error("role ARN of a user", s -> s.set("environments.dev.role", "arn:aws:iam::123456789012:user/bob"),
                        "environments.dev.role", "is not an IAM role ARN"),
                error("role in another account", s -> s.set("roles", "{execution: 'arn:aws:iam::999999999999:role/exec'}"),
                        "roles.execution", "account 999999999999, not the spec's account 123456789012"),
                valid("SSM parameter secret", s -> s.set("services.api.secrets", "{DB: '" + SSM + "'}")),
                valid("Secrets Manager secret", s -> s.set("services.api.secrets", "{DB: '" + SM + "'}")),
                error("plaintext secret", s -> s.set("services.api.secrets", "{DB_PASSWORD: hunter2}"),
                        "services.api.secrets.DB_PASSWORD", "never the value itself"),
                error("secret ARN of another service", s -> s.set("services.api.secrets",
                                "{DB: 'arn:aws:s3:::bucket/key'}"),
                        "services.api.secrets.DB", "must be the ARN of an SSM parameter"),
                error("secret in another account", s -> s.set("services.api.secrets",
                                "{DB: 'arn:aws:ssm:us-west-2:999999999999:parameter/db'}"),
                        "services.api.secrets.DB", "not the spec's account"),
                warning("secret in another region", s -> s.set("services.api.secrets",
                                "{DB: 'arn:aws:ssm:us-east-1:123456789012:parameter/db'}"),
                        "services.api.secrets.DB", "is in us-east-1 but the spec deploys to us-west-2"),
                error("plaintext secret in an override", s -> s.set("services.api.overrides",
                                "{prod: {secrets: {TOKEN: abc}}}"),
                        "services.api.overrides.prod.secrets.TOKEN", "never the value itself"),
                valid("target group in the account and region", s -> s.set("services.api.port", "80")
                        .set("services.api.loadBalancer", "{targetGroupArn: '" + TG + "'}")),
                error("target group in another region", s -> s.set("services.api.port", "80")
                                .set("services.api.loadBalancer", "{targetGroupArn: '" + TG.replace("us-west-2", "eu-west-1") + "'}"),
                        "services.api.loadBalancer.targetGroupArn", "only use a target group in its own region"),
                error("target group in another account", s -> s.set("services.api.port", "80")
                                .set("services.api.loadBalancer", "{targetGroupArn: '" + TG.replace("123456789012", "111111111111") + "'}"),
                        "services.api.loadBalancer.targetGroupArn", "not the spec's account"),
                error("target group not an ARN", s -> s.set("services.api.port", "80")
                                .set("services.api.loadBalancer", "{targetGroupArn: my-tg}"),
                        "services.api.loadBalancer.targetGroupArn", "is not a target group ARN"),
                valid("KMS key in the account and region", s -> kms(s, "arn:aws:kms:us-west-2:123456789012:key/1234abcd")),
                valid("KMS alias in the account and region", s -> kms(s, "arn:aws:kms:us-west-2:123456789012:alias/app-ecr")),
                error("KMS key id instead of an ARN", s -> kms(s, "1234abcd-12ab-34cd-56ef-1234567890ab"),
                        "services.api.image.kmsKey", "is not a KMS key or alias ARN"),
                error("ARN of something else as KMS key", s -> kms(s, "arn:aws:s3:us-west-2:123456789012:key/abc"),
                        "services.api.image.kmsKey", "is not a KMS key or alias ARN"),
                error("KMS ARN that is neither key nor alias", s -> kms(s, "arn:aws:kms:us-west-2:123456789012:grant/abc"),
                        "services.api.image.kmsKey", "arn:aws:kms:us-west-2:123456789012:key/ID"),
                error("KMS key in another account", s -> kms(s, "arn:aws:kms:us-west-2:999999999999:key/abc"),
                        "services.api.image.kmsKey", "KMS key is in account 999999999999, not the spec's account 123456789012"),
                error("KMS key in another region", s -> kms(s, "arn:aws:kms:eu-west-1:123456789012:alias/app-ecr"),
                        "services.api.image.kmsKey", "KMS key is in eu-west-1 but the spec deploys to us-west-2"),
                valid("subnet and security group ids", s -> s.set("environments.dev.network",
                        "{subnets: [subnet-0a1b2c3d], securityGroups: [sg-0c2d3e4f]}")),
                error("bad subnet id", s -> s.set("environments.dev.network", "{subnets: [subnet-xyz]}"),
                        "environments.dev.network.subnets[0]", "is not a subnet id"),
                error("bad security group id", s -> s.set("environments.dev.network", "{securityGroups: [default]}"),
                        "environments.dev.network.securityGroups[0]", "is not a security group id"));
    }

    private static SpecFixture kms(SpecFixture s, String key) {
        return s.set("services.api.image.encryption", "KMS").set("services.api.image.kmsKey", key);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rule(RuleCase c) {
        c.verify();
    }

    @Test
    void plaintextSecretValueIsNeverEchoed() {
        SpecResult r = SpecFixture.minimal().set("services.api.secrets", "{DB_PASSWORD: hunter2-s3cret}").load();

        assertThat(r.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.message()).doesNotContain("hunter2"));
    }
}
