package dev.driftless.spec;

import static dev.driftless.spec.RuleCase.error;
import static dev.driftless.spec.RuleCase.valid;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StructureRulesTest {
    static Stream<RuleCase> cases() {
        return Stream.of(
                valid("the minimal spec", s -> s),
                error("apiVersion from the future", s -> s.set("apiVersion", "driftless/v2"),
                        "apiVersion", "this driftless reads 'driftless/v1'"),
                error("missing apiVersion", s -> s.remove("apiVersion"), "", "missing required field 'apiVersion'"),
                error("wrong kind", s -> s.set("kind", "Service"), "kind", "a deploy-spec is kind 'Application'"),
                error("application name with capitals", s -> s.set("name", "MyApp"), "name", "lower-case letters"),
                error("no environments", s -> s.set("environments", "{}"), "environments", "no environments"),
                error("environments missing", s -> s.remove("environments"), "", "missing required field 'environments'"),
                error("no services", s -> s.set("services", "{}"), "services", "no services"),
                error("services is a list", s -> s.set("services", "[api]"), "services",
                        "expected a mapping of services, got a list"),
                valid("override names a known environment", s -> s.set("services.api.overrides", "{prod: {desiredCount: 2}}")),
                error("override names an unknown environment",
                        s -> s.set("services.api.overrides", "{prdo: {desiredCount: 2}}"),
                        "services.api.overrides.prdo", "override for unknown environment 'prdo'; did you mean 'prod'?"),
                error("environment name with capitals", s -> s.set("environments.Staging", "{cluster: app-staging}"),
                        "environments.Staging", "must be lower-case"),
                error("cluster name with a space", s -> s.set("environments.dev.cluster", "'app dev'"),
                        "environments.dev.cluster", "may hold only letters, digits"),
                error("service name with a dot", s -> s.set("services", "{'api.v2': {image: {repository: a-b}, cpu: 256, memory: 512}}"),
                        "services.api.v2", "becomes the ECS service name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rule(RuleCase c) {
        c.verify();
    }
}
