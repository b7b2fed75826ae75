package dev.driftless.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftless.plan.ChangeGroup;
import dev.driftless.plan.CostComparison;
import dev.driftless.plan.CostEstimate;
import dev.driftless.plan.CostModel;
import dev.driftless.plan.DesiredRenderer;
import dev.driftless.plan.DesiredService;
import dev.driftless.plan.ImageRef;
import dev.driftless.plan.LiveService;
import dev.driftless.plan.Plan;
import dev.driftless.plan.PlanDiff;
import dev.driftless.plan.PriceTable;
import dev.driftless.plan.SampleSpec;
import dev.driftless.plan.ScheduleText;
import dev.driftless.plan.ServicePlan;
import dev.driftless.plan.ServiceTags;
import dev.driftless.plan.SpecHash;
import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.LoadBalancer;
import dev.driftless.spec.ServiceDeploy;
import dev.driftless.spec.ServiceSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The plan and cost markdown of ECS's own deploy strategies. */
class StrategyPlanGoldenTest {
    static final String BLUE = "arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/frontend/0123456789abcdef";
    static final String GREEN = "arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/frontend-green/0123456789abcdef";
    static final String RULE = "arn:aws:elasticloadbalancing:us-west-2:123456789012:listener-rule/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee";
    static final String ROLE = "arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers";
    static final ServiceDeploy CANARY = new ServiceDeploy("canary", Duration.ofMinutes(10),
            new ServiceDeploy.Canary(10.0, Duration.ofMinutes(5)), null, List.of("api-5xx", "api-p99"), List.of(), null);

    static ServiceSpec frontend(ServiceDeploy deploy) {
        ServiceSpec f = SampleSpec.frontend();
        return new ServiceSpec(f.name(), f.image(), f.cpu(), f.memory(), f.architecture(), f.port(), f.command(),
                f.environment(), f.secrets(), f.healthCheck(), new LoadBalancer(BLUE, 3000, GREEN, RULE, null, ROLE),
                f.desiredCount(), f.autoscaling(), f.overrides(), deploy);
    }

    static DeploySpec spec(ServiceDeploy frontendDeploy) {
        return SampleSpec.spec(b -> b, f -> frontend(frontendDeploy), e -> e);
    }

    static DesiredService desired(DeploySpec spec) {
        DesiredRenderer r = new DesiredRenderer(spec);
        var view = spec.servicesIn("dev").get("frontend");
        return r.render(view, r.imageUri(view, new ImageRef.Tag("abc123")));
    }

    /** As driftless deployed {@code d}: same image, settings and tags. */
    static LiveService live(DesiredService d) {
        String arn = "arn:aws:ecs:us-west-2:123456789012:task-definition/durable-code-dev-frontend:4";
        return new LiveService(d.name(), "arn:aws:ecs:us-west-2:123456789012:service/durable-code-dev/frontend", "ACTIVE",
                1, 1, 0, arn, List.of(), d.settings(),
                Map.of(ServiceTags.SPEC_HASH, d.specHash(), ServiceTags.TASK_DEFINITION, arn,
                        ServiceTags.SETTINGS_HASH, SpecHash.of(d.settings()), ServiceTags.DESIRED_COUNT, "1",
                        ServiceTags.AUTOSCALING, ServiceTags.autoscaling(d.autoscaling()),
                        ServiceTags.SCHEDULE, ScheduleText.tag(d.schedule())),
                List.of());
    }

    @Test
    void rollingToCanaryIsOneChangeInWords() throws Exception {
        DesiredService before = desired(spec(null));
        DesiredService after = desired(spec(CANARY));
        ServicePlan s = PlanDiff.diff(new PlanDiff.Inputs(after, live(before), null, null, null));
        Plan p = new Plan("durable-code", "dev", "durable-code-dev", true, "tag `abc123`",
                Instant.parse("2026-11-25T16:00:00Z"), List.of(s));

        assertThat(s.groups()).containsExactly(ChangeGroup.LOAD_BALANCER, ChangeGroup.DEPLOYMENT);
        assertThat(s.updateService()).isTrue();
        assertThat(s.registerTaskDefinition()).isFalse();
        assertThat(s.changes()).anySatisfy(c -> {
            assertThat(c.field()).isEqualTo("strategy");
            assertThat(c.from()).isEqualTo("rolling");
            assertThat(c.to()).isEqualTo("canary 10% for 5m, then all; bake 10m; rollback on alarms api-5xx, api-p99");
        });
        GoldenFiles.assertMatches("plan-rolling-to-canary.md", PlanMarkdown.render(p));
    }

    @Test
    void aCanaryServiceDeployedAsSpecifiedHasNoChanges() {
        DesiredService d = desired(spec(CANARY));

        assertThat(PlanDiff.diff(new PlanDiff.Inputs(d, live(d), null, null, null)).hasChanges()).isFalse();
    }

    @Test
    void whatTheSpecLeavesToEcsIsNoChange() {
        ServiceDeploy blueGreen = new ServiceDeploy("blue-green", null, null, null, List.of(), List.of(), null);
        DesiredService d = desired(spec(blueGreen));
        // ECS reports the bake time it chose
        var live = live(d);
        var withEcsBake = new LiveService(live.name(), live.arn(), live.status(), 1, 1, 0, live.taskDefinitionArn(),
                List.of(), live.settings().withDeployment(new dev.driftless.plan.DeploymentStrategy("BLUE_GREEN", 15,
                        null, null, null, null, List.of(), List.of())), live.tags(), List.of());

        assertThat(PlanDiff.diff(new PlanDiff.Inputs(d, withEcsBake, null, null, null)).hasChanges()).isFalse();
    }

    /** prod's frontend goes blue/green with a 10m bake, 20 deploys a month: one more task for 10 minutes each time. */
    @Test
    void aBlueGreenServicesCostLine() throws Exception {
        CostModel model = new CostModel(PriceTable.builtIn());
        YearMonth nov = YearMonth.of(2026, 11);
        ServiceDeploy blueGreen = new ServiceDeploy("blue-green", Duration.ofMinutes(10), null, null, List.of(), List.of(), 20);
        CostEstimate live = model.proposed(spec(null), Optional.of("prod"), nov);
        CostEstimate proposed = model.proposed(spec(blueGreen), Optional.of("prod"), nov);

        assertThat(proposed.shifts()).singleElement().satisfies(s -> {
            assertThat(s.minutes()).isEqualTo(10);
            assertThat(s.tasks()).isEqualTo(1);
            assertThat(s.monthlyUsd()).isCloseTo(s.usdPerDeploy() * 20, org.assertj.core.data.Offset.offset(1e-9));
        });
        assertThat(proposed.totalUsd() - live.totalUsd()).isCloseTo(proposed.shifts().get(0).monthlyUsd(),
                org.assertj.core.data.Offset.offset(1e-9));
        GoldenFiles.assertMatches("cost/plan-estimate-blue-green.md",
                CostEstimateMarkdown.comparison(new CostComparison(live, proposed)));
    }

    @Test
    void withoutDeploysPerMonthTheShiftIsPricedPerDeployOnly() {
        CostModel model = new CostModel(PriceTable.builtIn());
        CostEstimate e = model.proposed(spec(CANARY), Optional.of("prod"), YearMonth.of(2026, 11));

        assertThat(e.shiftsUsd()).isZero();
        assertThat(CostEstimateMarkdown.estimate(e)).contains("prod/frontend: each canary deploy runs 1 more task for 15 min "
                + "(canary 5m + bake 10m): under $0.01 per deploy, not in the monthly total (set deploy.deploysPerMonth to include it)");
    }
}
