package dev.driftless.spec;

import static dev.driftless.spec.RuleCase.error;
import static dev.driftless.spec.RuleCase.valid;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TaskRulesTest {
    static Stream<RuleCase> cases() {
        return Stream.of(
                valid("migrate before deploy", s -> s.set("tasks", "{migrate: {service: api, command: [./manage, migrate]}}")
                        .set("deploy", "{before: [migrate]}")),
                error("task of an unknown service", s -> s.set("tasks", "{migrate: {service: apj, command: [x]}}"),
                        "tasks.migrate.service", "did you mean 'api'?"),
                error("task without a command", s -> s.set("tasks", "{migrate: {service: api}}"),
                        "tasks.migrate", "missing required field 'command'"),
                error("empty command", s -> s.set("tasks", "{migrate: {service: api, command: []}}"),
                        "tasks.migrate.command", "command is empty"),
                error("size Fargate has not", s -> s.set("tasks", "{migrate: {service: api, command: [x], memory: 4096}}"),
                        "tasks.migrate.memory", "is not a Fargate size"),
                error("bad timeout", s -> s.set("tasks", "{migrate: {service: api, command: [x], timeout: soon}}"),
                        "tasks.migrate.timeout", "is not a duration"),
                error("before names no task", s -> s.set("tasks", "{migrate: {service: api, command: [x]}}")
                                .set("deploy", "{before: [migrat]}"),
                        "deploy.before[0]", "did you mean 'migrate'?"),
                error("before lists a task twice", s -> s.set("tasks", "{migrate: {service: api, command: [x]}}")
                                .set("deploy", "{before: [migrate, migrate]}"),
                        "deploy.before[1]", "listed twice"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rule(RuleCase c) {
        c.verify();
    }

    @Test
    void aTaskDefaultsToTenMinutes() {
        SpecResult result = SpecFixture.minimal()
                .set("tasks", "{migrate: {service: api, command: [./manage, migrate], environment: {DRY: '0'}}}").load();

        OneOffTask t = result.spec().tasks().get("migrate");
        assertThat(t.timeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(t.command()).containsExactly("./manage", "migrate");
        assertThat(t.environment()).containsEntry("DRY", "0");
    }
}
