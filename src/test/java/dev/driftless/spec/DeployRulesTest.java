package dev.driftless.spec;

import static dev.driftless.spec.RuleCase.error;
import static dev.driftless.spec.RuleCase.valid;
import static dev.driftless.spec.RuleCase.warning;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHookStage;

/** One table per rule of {@link DeployRules} and the ARN checks {@link AccountRules} does for the deploy fields. */
class DeployRulesTest {
    static final String TG = "arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/api-blue/0123456789abcdef";
    static final String GREEN = "arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/api-green/0123456789abcdef";
    static final String RULE = "arn:aws:elasticloadbalancing:us-west-2:123456789012:listener-rule/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee";
    static final String ROLE = "arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers";
    static final String LAMBDA = "arn:aws:lambda:us-west-2:123456789012:function:smoke-test";

    /** A service with everything a traffic-shifting strategy needs. */
    static SpecFixture shifting(SpecFixture s) {
        return s.set("services.api.port", "8000").set("services.api.loadBalancer", "{targetGroupArn: '" + TG
                + "', alternateTargetGroupArn: '" + GREEN + "', productionListenerRule: '" + RULE + "', role: '" + ROLE + "'}");
    }

    static Stream<RuleCase> strategies() {
        return Stream.of(
                valid("no deploy block: rolling", s -> s),
                valid("rolling with alarms and bake time", s -> s.set("services.api.deploy",
                        "{strategy: rolling, alarms: [api-5xx], bakeTime: 5m}")),
                valid("canary with everything it needs", s -> shifting(s).set("services.api.deploy",
                        "{strategy: canary, canary: {percent: 10, wait: 5m}, bakeTime: 10m, alarms: [api-5xx, api-p99]}")),
                valid("blue-green with a zero bake", s -> shifting(s).set("services.api.deploy",
                        "{strategy: blue-green, bakeTime: 0m}")),
                valid("linear", s -> shifting(s).set("services.api.deploy",
                        "{strategy: linear, linear: {stepPercent: 25, stepWait: 2m}}")),
                error("unknown strategy", s -> s.set("services.api.deploy", "{strategy: bluegreen}"),
                        "services.api.deploy.strategy", "did you mean 'blue-green'"),
                error("canary settings on a linear strategy", s -> shifting(s).set("services.api.deploy",
                        "{strategy: linear, canary: {percent: 10}}"),
                        "services.api.deploy.canary", "need strategy: canary"),
                error("linear settings on a canary strategy", s -> shifting(s).set("services.api.deploy",
                        "{strategy: canary, linear: {stepPercent: 10}}"),
                        "services.api.deploy.linear", "need strategy: linear"),
                warning("blue/green load balancer fields on a rolling service", s -> shifting(s),
                        "services.api.loadBalancer", "used only by a blue-green, canary or linear deploy"));
    }

    static Stream<RuleCase> trafficShift() {
        return Stream.of(
                error("canary without a load balancer", s -> s.set("services.api.deploy", "{strategy: canary}"),
                        "services.api.deploy.strategy", "needs a loadBalancer with targetGroupArn, alternateTargetGroupArn"),
                error("blue-green without an alternate target group", s -> shifting(s)
                                .remove("services.api.loadBalancer.alternateTargetGroupArn")
                                .set("services.api.deploy", "{strategy: blue-green}"),
                        "services.api.loadBalancer", "add alternateTargetGroupArn"),
                error("blue-green without a role", s -> shifting(s).remove("services.api.loadBalancer.role")
                                .set("services.api.deploy", "{strategy: blue-green}"),
                        "services.api.loadBalancer", "add role"),
                error("blue-green without a production listener rule", s -> shifting(s)
                                .remove("services.api.loadBalancer.productionListenerRule")
                                .set("services.api.deploy", "{strategy: blue-green}"),
                        "services.api.loadBalancer", "add productionListenerRule"),
                error("alternate target group is the blue one", s -> shifting(s)
                                .set("services.api.loadBalancer.alternateTargetGroupArn", "'" + TG + "'")
                                .set("services.api.deploy", "{strategy: blue-green}"),
                        "services.api.loadBalancer.alternateTargetGroupArn", "two different target groups"),
                error("override turns on canary without an alternate target group", s -> s.set("services.api.port", "8000")
                                .set("services.api.loadBalancer", "{targetGroupArn: '" + TG + "'}")
                                .set("services.api.overrides", "{prod: {deploy: {strategy: canary}}}"),
                        "services.api.loadBalancer", "a canary deploy in prod moves traffic"),
                valid("override back to rolling where the LB is not ready", s -> shifting(s)
                        .set("services.api.deploy", "{strategy: canary}")
                        .set("services.api.overrides", "{dev: {deploy: {strategy: rolling}}}")));
    }

    static Stream<RuleCase> ranges() {
        return Stream.of(
                valid("canary 0.1%", s -> shifting(s).set("services.api.deploy", "{strategy: canary, canary: {percent: 0.1}}")),
                valid("canary 100%", s -> shifting(s).set("services.api.deploy", "{strategy: canary, canary: {percent: 100}}")),
                error("canary 0%", s -> shifting(s).set("services.api.deploy", "{strategy: canary, canary: {percent: 0}}"),
                        "services.api.deploy.canary.percent", "canary percent 0 is outside what ECS accepts (0.1 to 100)"),
                error("canary 150%", s -> shifting(s).set("services.api.deploy", "{strategy: canary, canary: {percent: 150}}"),
                        "services.api.deploy.canary.percent", "outside what ECS accepts"),
                error("canary 12.34%", s -> shifting(s).set("services.api.deploy", "{strategy: canary, canary: {percent: 12.34}}"),
                        "services.api.deploy.canary.percent", "multiple of 0.1"),
                error("linear step 2%", s -> shifting(s).set("services.api.deploy", "{strategy: linear, linear: {stepPercent: 2}}"),
                        "services.api.deploy.linear.stepPercent", "stepPercent 2 is outside what ECS accepts (3 to 100)"),
                error("bake of 25h", s -> s.set("services.api.deploy", "{bakeTime: 25h}"),
                        "services.api.deploy.bakeTime", "whole minutes from 0m to 24h"),
                error("canary wait in seconds", s -> shifting(s).set("services.api.deploy",
                                "{strategy: canary, canary: {wait: 90s}}"),
                        "services.api.deploy.canary.wait", "whole minutes"),
                error("step wait that is no duration", s -> shifting(s).set("services.api.deploy",
                                "{strategy: linear, linear: {stepWait: soon}}"),
                        "services.api.deploy.linear.stepWait", "is not a duration"),
                error("zero deploys a month", s -> s.set("services.api.deploy", "{deploysPerMonth: 0}"),
                        "services.api.deploy.deploysPerMonth", "must be at least 1"),
                error("empty alarm name", s -> s.set("services.api.deploy", "{alarms: ['']}"),
                        "services.api.deploy.alarms[0]", "is not a CloudWatch alarm name"));
    }

    static Stream<RuleCase> hooks() {
        return Stream.of(
                valid("hook at two stages", s -> shifting(s).set("services.api.deploy", "{strategy: blue-green, hooks: [{lambda: '"
                        + LAMBDA + "', stages: [PRE_SCALE_UP, POST_TEST_TRAFFIC_SHIFT]}]}")),
                error("stage ECS does not have", s -> shifting(s).set("services.api.deploy", "{strategy: blue-green, hooks: [{lambda: '"
                                + LAMBDA + "', stages: [POST_TEST_TRAFIC_SHIFT]}]}"),
                        "services.api.deploy.hooks[0].stages[0]", "did you mean 'POST_TEST_TRAFFIC_SHIFT'"),
                error("BAKE_TIME is a lifecycle stage but not a hook stage", s -> shifting(s).set("services.api.deploy",
                                "{strategy: blue-green, hooks: [{lambda: '" + LAMBDA + "', stages: [BAKE_TIME]}]}"),
                        "services.api.deploy.hooks[0].stages[0]", "is not a lifecycle stage ECS runs hooks at"),
                error("hook without stages", s -> shifting(s).set("services.api.deploy", "{strategy: blue-green, hooks: [{lambda: '"
                                + LAMBDA + "', stages: []}]}"),
                        "services.api.deploy.hooks[0].stages", "at least one stage"),
                error("hook without a role", s -> s.set("services.api.deploy", "{hooks: [{lambda: '" + LAMBDA
                                + "', stages: [PRE_SCALE_UP]}]}"),
                        "services.api.deploy.hooks", "set services.api.loadBalancer.role"),
                error("hook without lambda", s -> shifting(s).set("services.api.deploy",
                                "{strategy: blue-green, hooks: [{stages: [PRE_SCALE_UP]}]}"),
                        "services.api.deploy.hooks[0]", "missing required field 'lambda'"));
    }

    static Stream<RuleCase> arns() {
        return Stream.of(
                error("alternate target group in another account", s -> shifting(s)
                                .set("services.api.loadBalancer.alternateTargetGroupArn", "'" + GREEN.replace("123456789012", "999999999999") + "'"),
                        "services.api.loadBalancer.alternateTargetGroupArn", "not the spec's account 123456789012"),
                error("listener rule in another region", s -> shifting(s)
                                .set("services.api.loadBalancer.productionListenerRule", "'" + RULE.replace("us-west-2", "eu-west-1") + "'"),
                        "services.api.loadBalancer.productionListenerRule", "listener rule is in eu-west-1 but the spec deploys to us-west-2"),
                error("test listener rule that is a listener", s -> shifting(s).set("services.api.loadBalancer.testListenerRule",
                                "'arn:aws:elasticloadbalancing:us-west-2:123456789012:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2'"),
                        "services.api.loadBalancer.testListenerRule", "is not a listener rule ARN"),
                error("infrastructure role in another account", s -> shifting(s)
                                .set("services.api.loadBalancer.role", "'" + ROLE.replace("123456789012", "999999999999") + "'"),
                        "services.api.loadBalancer.role", "role is in account 999999999999"),
                error("hook Lambda in another region", s -> shifting(s).set("services.api.deploy", "{strategy: blue-green, hooks: [{lambda: '"
                                + LAMBDA.replace("us-west-2", "us-east-1") + "', stages: [PRE_SCALE_UP]}]}"),
                        "services.api.deploy.hooks[0].lambda", "Lambda function is in us-east-1"),
                error("hook that is not a Lambda ARN", s -> shifting(s).set("services.api.deploy",
                                "{strategy: blue-green, hooks: [{lambda: smoke-test, stages: [PRE_SCALE_UP]}]}"),
                        "services.api.deploy.hooks[0].lambda", "is not a Lambda function ARN"),
                error("hook ARN in another account, in an override", s -> shifting(s).set("services.api.overrides",
                                "{prod: {deploy: {strategy: blue-green, hooks: [{lambda: '" + LAMBDA.replace("123456789012", "999999999999")
                                        + "', stages: [PRE_SCALE_UP]}]}}}"),
                        "services.api.overrides.prod.deploy.hooks[0].lambda", "not the spec's account"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void strategy(RuleCase c) {
        c.verify();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trafficShift")
    void aTrafficShiftNeedsTheLoadBalancerParts(RuleCase c) {
        c.verify();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ranges")
    void sharesAndWaitsInEcsRanges(RuleCase c) {
        c.verify();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hooks")
    void hookStagesFromEcsList(RuleCase c) {
        c.verify();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("arns")
    void arnsInTheSpecsAccountAndRegion(RuleCase c) {
        c.verify();
    }

    @Test
    void theHookStagesAreTheSdksEnum() {
        List<String> sdk = Arrays.stream(DeploymentLifecycleHookStage.values())
                .filter(v -> v != DeploymentLifecycleHookStage.UNKNOWN_TO_SDK_VERSION).map(Enum::name).toList();
        assertThat(ServiceDeploy.HOOK_STAGES).containsExactlyElementsOf(sdk);
    }

    @Test
    void anEnvironmentOverrideReplacesTheWholeDeployBlock() {
        SpecResult r = shifting(SpecFixture.minimal()).set("services.api.deploy",
                        "{strategy: canary, canary: {percent: 10, wait: 5m}, alarms: [api-5xx]}")
                .set("services.api.overrides", "{dev: {deploy: {strategy: rolling}}}").load();

        assertThat(r.valid()).as(r.problems().toString()).isTrue();
        ServiceDeploy prod = r.spec().servicesIn("prod").get("api").deploy();
        ServiceDeploy dev = r.spec().servicesIn("dev").get("api").deploy();
        assertThat(prod.strategy()).isEqualTo("canary");
        assertThat(prod.canary()).isEqualTo(new ServiceDeploy.Canary(10.0, Duration.ofMinutes(5)));
        assertThat(prod.alarms()).containsExactly("api-5xx");
        assertThat(dev).isEqualTo(new ServiceDeploy("rolling", null, null, null, List.of(), List.of(), null));
        assertThat(r.spec().servicesIn("prod").get("api").loadBalancer().alternateTargetGroupArn()).isEqualTo(GREEN);
    }
}
