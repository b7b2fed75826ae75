package dev.driftless.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftless.aws.EcsLiveStateReader;
import dev.driftless.aws.EcsShapes;
import dev.driftless.aws.MotoClients;
import dev.driftless.aws.RenderedServices;
import dev.driftless.plan.Change;
import dev.driftless.plan.ChangeGroup;
import dev.driftless.plan.DesiredRenderer;
import dev.driftless.plan.ImageRef;
import dev.driftless.plan.Plan;
import dev.driftless.plan.SampleSpec;
import dev.driftless.plan.ServicePlan;
import dev.driftless.spec.Capacity;
import dev.driftless.spec.DeploySpec;
import dev.driftless.testing.MotoExtension;
import dev.driftless.testing.MotoServer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The plan against moto: services put there exactly as rendered, then the spec (or the service) changed. */
@ExtendWith(MotoExtension.class)
class PlannerMotoTest {
    private static final Instant AT = Instant.parse("2026-11-25T16:00:00Z");

    private static void deployed(MotoClients aws, DeploySpec spec, String tag) {
        DesiredRenderer r = new DesiredRenderer(spec);
        spec.servicesIn("dev").values().forEach(v -> new RenderedServices(aws).put(r.render(v, r.imageUri(v, new ImageRef.Tag(tag)))));
    }

    private static Plan plan(MotoClients aws, DeploySpec spec, String tag) {
        return new Planner(new EcsLiveStateReader(aws.ecs, aws.scaling))
                .plan(spec, "dev", List.of(), s -> new ImageRef.Tag(tag), "tag " + tag, AT);
    }

    private static ServicePlan service(Plan p, String name) {
        return p.services().stream().filter(s -> s.service().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aSpecUnchangedSinceItWasDeployedHasNoChangesAndReadsNoTaskDefinition(MotoServer moto) {
        try (MotoClients aws = new MotoClients(moto)) {
            deployed(aws, SampleSpec.spec(), "abc123");
            aws.forgetCalls();

            Plan p = plan(aws, SampleSpec.spec(), "abc123");

            assertThat(p.hasChanges()).isFalse();
            assertThat(p.services()).allSatisfy(s -> assertThat(s.changes()).isEmpty());
            assertThat(aws.calls()).containsOnlyOnce("DescribeServices").doesNotContain("DescribeTaskDefinition");
        }
    }

    @Test
    void nothingDeployedMeansEveryServiceIsCreated(MotoServer moto) {
        try (MotoClients aws = new MotoClients(moto)) {
            Plan p = plan(aws, SampleSpec.spec(), "abc123");

            assertThat(p.clusterExists()).isFalse();
            assertThat(p.services()).extracting(ServicePlan::action).containsOnly(ServicePlan.Action.CREATE);
            assertThat(service(p, "backend").changes()).first().satisfies(c -> {
                assertThat(c.group()).isEqualTo(ChangeGroup.CREATE);
                assertThat(c.to()).contains("durable-code-backend:abc123", "256 (0.25 vCPU)", "FARGATE_SPOT weight 1");
            });
            assertThat(groupsAndFields(service(p, "backend"))).containsEntry("SECRETS:DATABASE_URL", "added")
                    .containsEntry("AUTOSCALING:min..max", "+ 1..3").containsEntry("DESIRED_COUNT:desired count", "+ 1");
        }
    }

    static Map<String, String> groupsAndFields(ServicePlan s) {
        return s.changes().stream().collect(java.util.stream.Collectors.toMap(
                c -> c.group() + ":" + c.field(), Change::describe, (a, b) -> a, java.util.TreeMap::new));
    }

    @Test
    void aCpuChangeShowsExactlyThat(MotoServer moto) {
        try (MotoClients aws = new MotoClients(moto)) {
            deployed(aws, SampleSpec.spec(), "abc123");

            Plan p = plan(aws, SampleSpec.spec(b -> SampleSpec.withCpuMemory(b, 512, 512), UnaryOperator.identity()), "abc123");

            assertThat(groupsAndFields(service(p, "backend"))).containsExactly(
                    Map.entry("CPU_MEMORY:cpu", "256 (0.25 vCPU) → 512 (0.5 vCPU)"));
            assertThat(service(p, "backend").registerTaskDefinition()).isTrue();
            assertThat(service(p, "backend").drift()).isEmpty();
            assertThat(service(p, "frontend").changes()).isEmpty();
        }
    }

    @Test
    void aScheduleChangeShowsExactlyThatAndNeedsNoEcsChange(MotoServer moto) {
        try (MotoClients aws = new MotoClients(moto)) {
            deployed(aws, SampleSpec.spec(), "abc123");
            aws.forgetCalls();
            var everyDay = new dev.driftless.spec.Schedule(java.time.ZoneId.of("America/Los_Angeles"), List.of(
                    new dev.driftless.spec.Schedule.Window(java.util.EnumSet.allOf(java.time.DayOfWeek.class),
                            java.time.LocalTime.of(7, 0), java.time.LocalTime.of(22, 0))));

            Plan p = plan(aws, SampleSpec.spec(UnaryOperator.identity(), e -> SampleSpec.withSchedule(e, everyDay)), "abc123");

            assertThat(p.services()).allSatisfy(s -> {
                assertThat(groupsAndFields(s)).containsExactly(Map.entry("SCHEDULE:schedule",
                        "weekdays 08:00–20:00 America/Los_Angeles → every day 07:00–22:00 America/Los_Angeles"));
                assertThat(s.drift()).isEmpty();
                assertThat(s.registerTaskDefinition() || s.updateService() || s.updateAutoscaling()).isFalse();
            });
            assertThat(aws.calls()).doesNotContain("DescribeTaskDefinition");
        }
    }

    @Test
    void anImageChangeShowsExactlyThat(MotoServer moto) {
        try (MotoClients aws = new MotoClients(moto)) {
            deployed(aws, SampleSpec.spec(), "abc123");

            Plan p = plan(aws, SampleSpec.spec(), "def456");

            assertThat(p.services()).allSatisfy(s -> assertThat(s.groups()).containsExactly(ChangeGroup.IMAGE));
            assertThat(groupsAndFields(service(p, "frontend"))).containsExactly(Map.entry("IMAGE:image",
                    "123456789012.dkr.ecr.us-west-2.amazonaws.com/durable-code-frontend:abc123 → "
                            + "123456789012.dkr.ecr.us-west-2.amazonaws.com/durable-code-frontend:def456"));
        }
    }

    @Test
    void anEnvironmentVariableChangeShowsItsPlainValueAndHidesACredential(MotoServer moto) {
        try (MotoClients aws = new MotoClients(moto)) {
            deployed(aws, SampleSpec.spec(), "abc123");

            Plan p = plan(aws, SampleSpec.spec(b -> SampleSpec.withEnvironment(b, Map.of("LOG_LEVEL", "debug", "PORT", "8000",
                    "UPSTREAM_TOKEN", "t0ps3cret")), UnaryOperator.identity()), "abc123");

            // plain values are in git already; a value that looks like a credential is not shown
            assertThat(service(p, "backend").changes()).extracting(c -> c.field() + ": " + c.describe())
                    .containsExactlyInAnyOrder("LOG_LEVEL: info → debug", "UPSTREAM_TOKEN: added");
            assertThat(service(p, "backend").changes()).allSatisfy(c -> assertThat(c.group()).isEqualTo(ChangeGroup.ENVIRONMENT))
                    .allSatisfy(c -> assertThat(String.valueOf(c.from()) + c.to()).doesNotContain("t0ps3cret"));
        }
    }

    @Test
    void aDesiredCountChangeShowsExactlyThat(MotoServer moto) {
        try (MotoClients aws = new MotoClients(moto)) {
            deployed(aws, SampleSpec.spec(), "abc123");

            Plan p = plan(aws, SampleSpec.spec(UnaryOperator.identity(), f -> SampleSpec.withDesiredCount(f, 2),
                    UnaryOperator.identity()), "abc123");

            assertThat(groupsAndFields(service(p, "frontend"))).containsExactly(Map.entry("DESIRED_COUNT:desired count", "1 → 2"));
            assertThat(service(p, "frontend").registerTaskDefinition()).isFalse();
            assertThat(service(p, "frontend").updateService()).isTrue();
            assertThat(service(p, "backend").changes()).isEmpty();
        }
    }

    @Test
    void aCapacityChangeShowsExactlyThat(MotoServer moto) {
        try (MotoClients aws = new MotoClients(moto)) {
            deployed(aws, SampleSpec.spec(), "abc123");

            Plan p = plan(aws, SampleSpec.spec(UnaryOperator.identity(), e -> SampleSpec.withCapacity(e, new Capacity.OnDemand())),
                    "abc123");

            assertThat(p.services()).allSatisfy(s -> assertThat(groupsAndFields(s)).containsExactly(Map.entry(
                    "CAPACITY:capacity providers", "FARGATE weight 0, FARGATE_SPOT weight 1 → FARGATE weight 1")));
            assertThat(p.driftCount()).isZero();
        }
    }

    @Test
    void aServiceChangedByHandShowsAsDrift(MotoServer moto) {
        try (MotoClients aws = new MotoClients(moto)) {
            DeploySpec spec = SampleSpec.spec();
            deployed(aws, spec, "abc123");
            // someone scales frontend and points backend at a hand-edited revision, outside git
            aws.ecs.updateService(b -> b.cluster("durable-code-dev").service("frontend").desiredCount(4));
            DesiredRenderer r = new DesiredRenderer(spec);
            var view = spec.servicesIn("dev").get("backend");
            var td = r.render(view, r.imageUri(view, new ImageRef.Tag("hotfix"))).taskDefinition();
            String handArn = aws.ecs.registerTaskDefinition(EcsShapes.toRegisterRequest(td, Map.of())).taskDefinition().taskDefinitionArn();
            aws.ecs.updateService(b -> b.cluster("durable-code-dev").service("backend").taskDefinition(handArn));

            Plan p = plan(aws, spec, "abc123");

            assertThat(service(p, "frontend").changes()).singleElement().satisfies(c -> {
                assertThat(c.group()).isEqualTo(ChangeGroup.DESIRED_COUNT);
                assertThat(c.describe()).isEqualTo("4 → 1");
                assertThat(c.drift()).isTrue();
            });
            assertThat(service(p, "backend").changes()).singleElement().satisfies(c -> {
                assertThat(c.group()).isEqualTo(ChangeGroup.IMAGE);
                assertThat(c.from()).endsWith(":hotfix");
                assertThat(c.drift()).isTrue();
            });
            assertThat(p.driftCount()).isEqualTo(2);
        }
    }

    @Test
    void keepingTheLiveImageUsesTheImageTagWithoutReadingTheDefinition(MotoServer moto) {
        try (MotoClients aws = new MotoClients(moto)) {
            deployed(aws, SampleSpec.spec(), "abc123");
            aws.forgetCalls();

            Plan p = new Planner(new EcsLiveStateReader(aws.ecs, aws.scaling)).plan(SampleSpec.spec(), "dev", List.of(),
                    s -> s.equals("backend") ? new ImageRef.Tag("def456") : new ImageRef.KeepLive(new ImageRef.Tag("def456")),
                    "tag def456", AT);

            assertThat(service(p, "frontend").changes()).isEmpty();
            assertThat(service(p, "backend").groups()).containsExactly(ChangeGroup.IMAGE);
            assertThat(aws.calls()).filteredOn("DescribeTaskDefinition"::equals).hasSize(1);
        }
    }
}
