package dev.driftless.spec;

import static dev.driftless.spec.RuleCase.error;
import static dev.driftless.spec.RuleCase.valid;
import static dev.driftless.spec.RuleCase.warning;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ServiceRulesTest {
    private static final String TG = "arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/app/0123456789abcdef";

    static Stream<RuleCase> cases() {
        return Stream.of(
                valid("namespaced ECR repository", s -> s.set("services.api.image.repository", "team/app-api.v2_x")),
                error("upper-case ECR repository", s -> s.set("services.api.image.repository", "App-Api"),
                        "services.api.image.repository", "is not a legal ECR repository name"),
                error("registry URI instead of a name", s -> s.set("services.api.image.repository",
                                "123456789012.dkr.ecr.us-west-2.amazonaws.com/app"),
                        "services.api.image.repository", "not the registry URI"),
                error("ECR name with a trailing separator", s -> s.set("services.api.image.repository", "app-"),
                        "services.api.image.repository", "is not a legal ECR repository name"),
                error("one-character ECR name", s -> s.set("services.api.image.repository", "a"),
                        "services.api.image.repository", "2 to 256 characters"),
                valid("scan gate HIGH", s -> s.set("services.api.image.scan", "{failOn: HIGH}")),
                error("scan gate misspelt", s -> s.set("services.api.image.scan", "{failOn: CRITICL}"),
                        "services.api.image.scan.failOn", "did you mean 'CRITICAL'?"),
                valid("KMS encryption with ECR's own key", s -> s.set("services.api.image.encryption", "KMS")),
                valid("KMS encryption with a key", s -> s.set("services.api.image.encryption", "KMS")
                        .set("services.api.image.kmsKey", "arn:aws:kms:us-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab")),
                valid("AES256 said out loud", s -> s.set("services.api.image.encryption", "AES256")),
                error("encryption misspelt", s -> s.set("services.api.image.encryption", "AES265"),
                        "services.api.image.encryption", "is not one of AES256, KMS; did you mean 'AES256'?"),
                error("encryption in lower case", s -> s.set("services.api.image.encryption", "kms"),
                        "services.api.image.encryption", "did you mean 'KMS'?"),
                error("kmsKey without encryption KMS", s -> s.set("services.api.image.kmsKey",
                                "arn:aws:kms:us-west-2:123456789012:alias/app"),
                        "services.api.image.kmsKey", "kmsKey is set but encryption is AES256"),
                error("kmsKey with encryption AES256", s -> s.set("services.api.image.encryption", "AES256")
                                .set("services.api.image.kmsKey", "arn:aws:kms:us-west-2:123456789012:alias/app"),
                        "services.api.image.kmsKey", "set that, or remove kmsKey"),
                error("image key misspelt", s -> s.set("services.api.image.kmsKeyArn", "arn:aws:kms:us-west-2:123456789012:alias/app"),
                        "services.api.image.kmsKeyArn", "did you mean 'kmsKey'?"),
                valid("autoscaling around the desired count", s -> s.set("services.api.autoscaling",
                        "{min: 1, max: 3, cpuPercent: 60}")),
                error("autoscaling min above max", s -> s.set("services.api.autoscaling", "{min: 4, max: 2, cpuPercent: 60}"),
                        "services.api.autoscaling.min", "min 4 is above max 2"),
                warning("desiredCount outside autoscaling", s -> s.set("services.api.desiredCount", "5")
                                .set("services.api.autoscaling", "{min: 1, max: 3, cpuPercent: 60}"),
                        "services.api.desiredCount", "desiredCount 5 is outside autoscaling 1–3"),
                error("override autoscaling min above max", s -> s.set("services.api.overrides",
                                "{prod: {autoscaling: {min: 5, max: 2, cpuPercent: 50}}}"),
                        "services.api.overrides.prod.autoscaling.min", "min 5 is above max 2 in prod"),
                warning("override desiredCount outside the service's autoscaling", s -> s
                                .set("services.api.autoscaling", "{min: 1, max: 2, cpuPercent: 60}")
                                .set("services.api.overrides", "{prod: {desiredCount: 4}}"),
                        "services.api.overrides.prod.desiredCount", "desiredCount 4 in prod is outside autoscaling 1–2"),
                error("percentage above 100", s -> s.set("services.api.autoscaling", "{min: 1, max: 2, cpuPercent: 160}"),
                        "services.api.autoscaling.cpuPercent", "not a percentage"),
                warning("autoscaling without a metric", s -> s.set("services.api.autoscaling", "{min: 1, max: 2}"),
                        "services.api.autoscaling", "nothing will scale"),
                error("missing autoscaling max", s -> s.set("services.api.autoscaling", "{min: 1}"),
                        "services.api.autoscaling", "missing required field 'max'"),
                error("negative desiredCount", s -> s.set("services.api.desiredCount", "-1"),
                        "services.api.desiredCount", "is negative"),
                valid("load balancer on the service port", s -> s.set("services.api.port", "8000")
                        .set("services.api.loadBalancer", "{targetGroupArn: '" + TG + "', containerPort: 8000}")),
                error("load balancer on another port", s -> s.set("services.api.port", "8000")
                                .set("services.api.loadBalancer", "{targetGroupArn: '" + TG + "', containerPort: 9000}"),
                        "services.api.loadBalancer.containerPort", "is not the service's port 8000"),
                error("load balancer without any port", s -> s.set("services.api.loadBalancer", "{targetGroupArn: '" + TG + "'}"),
                        "services.api.loadBalancer", "missing 'containerPort'"),
                error("port out of range", s -> s.set("services.api.port", "70000"), "services.api.port", "between 1 and 65535"),
                valid("health check", s -> s.set("services.api.healthCheck",
                        "{command: [CMD-SHELL, 'curl -f localhost/ || exit 1'], interval: 30, timeout: 5}")),
                error("health check without CMD", s -> s.set("services.api.healthCheck", "{command: ['curl localhost']}"),
                        "services.api.healthCheck.command", "starts with CMD or CMD-SHELL"),
                error("health check timeout not below interval", s -> s.set("services.api.healthCheck",
                                "{command: [CMD, true], interval: 10, timeout: 10}"),
                        "services.api.healthCheck.timeout", "must be shorter than interval"),
                error("health check retries out of range", s -> s.set("services.api.healthCheck",
                                "{command: [CMD, true], retries: 11}"),
                        "services.api.healthCheck.retries", "1 to 10"),
                warning("a password as a plain variable", s -> s.set("services.api.environment", "{DB_PASSWORD: x}"),
                        "services.api.environment.DB_PASSWORD", "looks like a secret"),
                valid("plain variables", s -> s.set("services.api.environment", "{LOG_LEVEL: info, PORT: 8000}")),
                error("empty command", s -> s.set("services.api.command", "[]"), "services.api.command", "command is empty"),
                error("lifecycle keeps nothing", s -> s.set("services.api.image.lifecycle", "{keepTagged: 0}"),
                        "services.api.image.lifecycle.keepTagged", "at least 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rule(RuleCase c) {
        c.verify();
    }
}
