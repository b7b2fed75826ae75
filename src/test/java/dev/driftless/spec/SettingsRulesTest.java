package dev.driftless.spec;

import static dev.driftless.spec.RuleCase.error;
import static dev.driftless.spec.RuleCase.valid;
import static dev.driftless.spec.RuleCase.warning;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SettingsRulesTest {
    static Stream<RuleCase> cases() {
        return Stream.of(
                valid("budget with rising alerts", s -> s.set("budget", "{monthlyUsd: 25, alerts: [25, 40, 60]}")),
                error("negative budget alert", s -> s.set("budget", "{monthlyUsd: 25, alerts: [25, -5]}"),
                        "budget.alerts[1]", "must be above 0"),
                error("zero budget", s -> s.set("budget", "{monthlyUsd: 0}"), "budget.monthlyUsd", "above 0"),
                error("budget alert not a number", s -> s.set("budget", "{alerts: [lots]}"),
                        "budget.alerts[0]", "expected a number, got 'lots'"),
                valid("logs kept 14 days", s -> s.set("logs", "{group: /ecs/app, retentionDays: 14}")),
                error("retention CloudWatch refuses", s -> s.set("logs", "{group: /ecs/app, retentionDays: 10}"),
                        "logs.retentionDays", "is not one CloudWatch accepts"),
                error("log group with a space", s -> s.set("logs", "{group: '/ecs/my app'}"),
                        "logs.group", "is not a CloudWatch log group name"),
                error("tag key in the aws: namespace", s -> s.set("tags", "{'aws:owner': me, Project: app}"),
                        "tags.aws:owner", "not start with aws:"),
                warning("cost tag not among the tags", s -> s.set("tags", "{Projekt: app}"),
                        "tags", "cost tag 'Project' is not among the spec's tags"),
                valid("fixed cost for an environment", s -> s.set("cost", "{fixed: [{name: ALB, monthlyUsd: 16.43, environment: prod}]}")),
                error("fixed cost for an unknown environment", s -> s.set("cost",
                                "{fixed: [{name: ALB, monthlyUsd: 16.43, environment: prd}]}"),
                        "cost.fixed[0].environment", "did you mean 'prod'?"),
                error("fixed cost without an amount", s -> s.set("cost", "{fixed: [{name: ALB}]}"),
                        "cost.fixed[0]", "missing required field 'monthlyUsd'"),
                error("unknown price key", s -> s.set("cost", "{prices: {vcpuHours: 0.04}}"),
                        "cost.prices.vcpuHours", "did you mean 'vcpuHour'?"),
                valid("tracker markdown path", s -> s.set("tracker", "{path: planning/deployment/PROGRESS_TRACKER.md}")),
                error("tracker not markdown", s -> s.set("tracker", "{path: planning/tracker.txt}"),
                        "tracker.path", "must be a markdown file"),
                valid("deploy timeout", s -> s.set("deploy", "{timeout: 1h30m, retain: 5}")),
                error("deploy timeout unreadable", s -> s.set("deploy", "{timeout: soon}"),
                        "deploy.timeout", "'soon' is not a duration"),
                error("environment timeout unreadable", s -> s.set("environments.dev.timeout", "10 minutes"),
                        "environments.dev.timeout", "is not a duration"),
                warning("test section without commands", s -> s.set("test", "{commands: []}"),
                        "test.commands", "no test commands"),
                valid("budget shares per environment", s -> s.set("budget", "{monthlyUsd: 25, environments: {dev: 8, prod: 17}}")),
                error("budget share for an unknown environment", s -> s.set("budget", "{monthlyUsd: 25, environments: {qa: 5}}"),
                        "budget.environments.qa", "no environment 'qa' to give a budget share"),
                warning("budget shares above the budget", s -> s.set("budget", "{monthlyUsd: 25, environments: {dev: 20, prod: 17}}"),
                        "budget.environments", "add up to $37.00, more than monthlyUsd $25.00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rule(RuleCase c) {
        c.verify();
    }
}
