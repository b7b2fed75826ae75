package dev.driftless.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A service driftless did not deploy, compared with a spec that says what it runs: the known false drifts
 * (Spot written two ways, an SSM parameter by name or ARN) are no change, what the spec cannot say is kept
 * and named, and with nothing to change the plan says "adopt: tags only".
 */
class AdoptionDiffTest {
    private static final String SERVICE_ARN = "arn:aws:ecs:us-west-2:123456789012:service/durable-code-dev/backend";
    private static final String TD_ARN = "arn:aws:ecs:us-west-2:123456789012:task-definition/durable-code-dev-backend:4";

    private static DesiredService desired() {
        var spec = SampleSpec.spec();
        var r = new DesiredRenderer(spec);
        var view = spec.servicesIn("dev").get("backend");
        return r.render(view, r.imageUri(view, new ImageRef.Tag("abc123")));
    }

    private static LiveService unmanaged(DesiredService d, List<ServiceSettings.CapacityItem> capacity) {
        ServiceSettings s = d.settings();
        return new LiveService("backend", SERVICE_ARN, "ACTIVE", s.desiredCount(), s.desiredCount(), 0, TD_ARN, List.of(),
                new ServiceSettings(s.desiredCount(), capacity, s.network(), s.loadBalancers(), s.circuitBreaker(),
                        s.circuitBreakerRollback(), s.propagateTags()), Map.of(), List.of());
    }

    private static ServicePlan diff(DesiredService d, LiveService live, TaskDefinition liveTd) {
        return PlanDiff.diff(new PlanDiff.Inputs(d, live, liveTd, null, new LiveScaling(1, 3, 60, 70)));
    }

    @Test
    void spotWrittenAsOneProviderIsNoChangeAndTheFirstDeployOnlyTags() {
        DesiredService d = desired();
        // the sample's dev environment is spot: FARGATE_SPOT 1 plus FARGATE 0; the live service lists FARGATE_SPOT alone
        LiveService live = unmanaged(d, List.of(new ServiceSettings.CapacityItem("FARGATE_SPOT", 1, 0)));

        ServicePlan plan = diff(d, live, d.taskDefinition());

        assertThat(plan.changes()).isEmpty();
        assertThat(plan.action()).isEqualTo(ServicePlan.Action.NONE);
        assertThat(plan.notes()).first().asString().startsWith("adopt: tags only");
    }

    @Test
    void aSpotStrategyThatReallyDiffersIsStillAChange() {
        DesiredService d = desired();
        LiveService live = unmanaged(d, List.of(new ServiceSettings.CapacityItem("FARGATE", 1, 0)));

        assertThat(diff(d, live, d.taskDefinition()).changes()).extracting(Change::field).containsExactly("capacity providers");
    }

    @Test
    void anSsmParameterByNameEqualsItsArnInTheSameRegionAndAccount() {
        DesiredService d = desired();
        // the spec writes the ARN; the live definition names the parameter
        TaskDefinition liveTd = withSecret(d.taskDefinition(), "DATABASE_URL", "/durable-code/db");
        LiveService live = unmanaged(d, d.settings().capacityProviderStrategy());

        assertThat(diff(d, live, liveTd).changes()).isEmpty();
    }

    @Test
    void anSsmParameterOfAnotherAccountIsAChange() {
        DesiredService d = desired();
        TaskDefinition liveTd = withSecret(d.taskDefinition(), "DATABASE_URL",
                "arn:aws:ssm:us-west-2:999999999999:parameter/durable-code/db");
        LiveService live = unmanaged(d, d.settings().capacityProviderStrategy());

        assertThat(diff(d, live, liveTd).changes()).extracting(Change::group).containsExactly(ChangeGroup.SECRETS);
    }

    @Test
    void aLiveFieldTheSpecCannotSayIsKeptNamedAndRegisteredAgain() {
        DesiredService d = desired();
        Carried live = new Carried(new TreeMap<>(Map.of("ephemeralStorage", Map.of("sizeInGiB", 50L))), null, null);
        TaskDefinition liveTd = d.taskDefinition().carryingOver(live);
        LiveService managed = new LiveService("backend", SERVICE_ARN, "ACTIVE", 1, 1, 0, TD_ARN, List.of(), d.settings(),
                Map.of(ServiceTags.SPEC_HASH, "0000000000000000", ServiceTags.TASK_DEFINITION, TD_ARN), List.of());
        // the spec changes the image: deploy registers a revision, and it must keep the 50 GiB
        DesiredService newImage = new DesiredRenderer(SampleSpec.spec()).render(SampleSpec.spec().servicesIn("dev").get("backend"),
                "123456789012.dkr.ecr.us-west-2.amazonaws.com/durable-code-backend:def456");

        ServicePlan plan = diff(newImage, managed, liveTd);

        assertThat(plan.changes()).extracting(Change::field).containsExactly("image");
        assertThat(plan.registerTaskDefinition()).isTrue();
        assertThat(plan.desired().taskDefinition().carried().task()).containsEntry("ephemeralStorage", Map.of("sizeInGiB", 50L));
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("kept from the live task definition").contains("ephemeralStorage"));
        // the spec hash stays the rendering's, so the next plan still recognises it
        assertThat(plan.desired().specHash()).isEqualTo(newImage.specHash());
    }

    private static TaskDefinition withSecret(TaskDefinition td, String name, String valueFrom) {
        TaskDefinition.Container c = td.container();
        Map<String, String> secrets = new TreeMap<>(c.secrets());
        secrets.put(name, valueFrom);
        return td.withContainer(new TaskDefinition.Container(c.name(), c.image(), c.essential(), c.portMappings(),
                c.environment(), secrets, c.logConfiguration(), c.healthCheck(), c.command()));
    }
}
