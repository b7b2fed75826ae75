package dev.driftless.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftless.aws.AppAutoScalingTargets;
import dev.driftless.aws.EcsServiceScaling;
import dev.driftless.plan.ImageRef;
import dev.driftless.plan.Plan;
import dev.driftless.plan.ServicePlan;
import dev.driftless.plan.ServiceTags;
import dev.driftless.render.DeployMarkdown;
import dev.driftless.testing.MotoServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceField;

/**
 * Spot that really falls back (moto launcher {@code spot_shortage.py}: a service on FARGATE_SPOT gets ECS's
 * "capacity is unavailable" event and runs no task). The deploy moves it to FARGATE instead of waiting out its
 * timeout and says so; plan calls the difference known and temporary; a schedule run after capacity.fallbackFor
 * returns it to Spot.
 */
class SpotFallbackMotoTest {
    static MotoServer moto;

    @BeforeAll
    static void start() {
        moto = MotoServer.startLaunchers(List.of("/moto/spot_shortage.py", "/moto/rollouts.py"),
                Map.of("MOTO_SPOT_SHORT_SERVICES", "backend"));
    }

    @AfterAll
    static void stop() {
        moto.close();
    }

    @Test
    void aServiceSpotCannotPlaceMovesToOnDemandThenBackToSpotAfterFallbackFor() {
        moto.reset();
        MotoNetwork network = MotoNetwork.create(moto);
        try (DeployFixture f = new DeployFixture(moto.endpoint())) {
            f.createCluster();
            var spec = DeployFixture.spec(network);
            Instant deployedAt = f.clock.instant();

            DeployReport report = f.deploy(spec, "v1");

            assertThat(report.ok()).as(String.join("\n", f.progress.lines)).isTrue();
            ServiceResult backend = report.services().stream().filter(r -> r.service().equals("backend")).findFirst().orElseThrow();
            assertThat(backend.deployment()).isEqualTo("moved to on-demand: Fargate Spot had no capacity");
            assertThat(f.progress.lines).anyMatch(l -> l.startsWith("warning: backend: Fargate Spot has no capacity")
                    && l.contains("moved it to on-demand (FARGATE)"));
            assertThat(DeployMarkdown.render("Deploy", "durable-code", report)).contains("moved to on-demand: Fargate Spot had no capacity");
            assertThat(f.clock.instant()).as("no wait for the whole timeout").isBefore(deployedAt.plus(Duration.ofMinutes(5)));
            Service live = service(f, "backend");
            assertThat(strategy(live)).isEqualTo("FARGATE:1");
            assertThat(tags(live)).containsEntry(ServiceTags.CAPACITY_FALLBACK, live.tags().stream()
                    .filter(t -> t.key().equals(ServiceTags.CAPACITY_FALLBACK)).findFirst().orElseThrow().value());
            assertThat(strategy(service(f, "frontend"))).as("a service Spot could place stays on Spot").contains("FARGATE_SPOT:1");

            // within fallbackFor (1h): a known, temporary difference, not a change
            ServicePlan during = plan(f, spec, f.clock.instant().plus(Duration.ofMinutes(30)));
            assertThat(during.changes()).isEmpty();
            assertThat(during.notes()).anyMatch(n -> n.contains("known, temporary difference, not drift"));

            // after it: the plan returns it to Spot
            Instant later = f.clock.instant().plus(Duration.ofHours(2));
            ServicePlan after = plan(f, spec, later);
            assertThat(after.changes()).anyMatch(c -> c.from() != null && c.from().contains("FARGATE")
                    && c.to() != null && c.to().contains("FARGATE_SPOT"));
            assertThat(after.notes()).anyMatch(n -> n.contains("is over, so this returns it to Spot"));

            // a schedule run after fallbackFor returns it to Spot and drops the tag
            EnvironmentScaler scaler = new EnvironmentScaler(f.reader(), new AppAutoScalingTargets(f.autoScaling),
                    new EcsServiceScaling(f.ecs));
            ScheduleReconciler.Outcome outcome = new ScheduleReconciler(scaler).reconcile(
                    DeployFixture.spec(network, alwaysOn()).environment("dev").orElseThrow(),
                    List.copyOf(spec.servicesIn("dev").values()), later, false);

            ScalingReport scaled = outcome.report().orElseThrow();
            assertThat(scaled.returnedToSpot()).singleElement().satisfies(l ->
                    assertThat(l).startsWith("backend: returned to Fargate Spot (on on-demand since "));
            Service back = service(f, "backend");
            assertThat(strategy(back)).contains("FARGATE_SPOT:1");
            assertThat(tags(back)).doesNotContainKey(ServiceTags.CAPACITY_FALLBACK);
        }
    }

    @Test
    void aScheduleRunWithinFallbackForLeavesItOnDemand() {
        moto.reset();
        MotoNetwork network = MotoNetwork.create(moto);
        try (DeployFixture f = new DeployFixture(moto.endpoint())) {
            f.createCluster();
            var spec = DeployFixture.spec(network);
            assertThat(f.deploy(spec, "v1").ok()).isTrue();

            EnvironmentScaler scaler = new EnvironmentScaler(f.reader(), new AppAutoScalingTargets(f.autoScaling),
                    new EcsServiceScaling(f.ecs));
            ScalingReport scaled = scaler.scale(EnvironmentScaler.Direction.START, DeployFixture.CLUSTER,
                    List.copyOf(spec.servicesIn("dev").values()), f.clock.instant().plus(Duration.ofMinutes(59)), false,
                    Duration.ofHours(1));

            assertThat(scaled.returnedToSpot()).isEmpty();
            assertThat(strategy(service(f, "backend"))).isEqualTo("FARGATE:1");
        }
    }

    private static ServicePlan plan(DeployFixture f, dev.driftless.spec.DeploySpec spec, Instant at) {
        Plan plan = new Planner(f.reader()).plan(spec, "dev", List.of("backend"), s -> new ImageRef.KeepLive(null), "live", at);
        return plan.services().get(0);
    }

    /** Running all day, every day (UTC): the schedule run starts nothing and stops nothing. */
    private static dev.driftless.spec.Schedule alwaysOn() {
        return new dev.driftless.spec.Schedule(java.time.ZoneOffset.UTC, List.of(new dev.driftless.spec.Schedule.Window(
                java.util.EnumSet.allOf(java.time.DayOfWeek.class), java.time.LocalTime.MIN, java.time.LocalTime.of(23, 59))));
    }

    private static Service service(DeployFixture f, String name) {
        return f.ecs.describeServices(b -> b.cluster(DeployFixture.CLUSTER).services(name).include(ServiceField.TAGS))
                .services().get(0);
    }

    private static String strategy(Service s) {
        return s.capacityProviderStrategy().stream().filter(i -> i.weight() > 0 || i.base() > 0)
                .map(i -> i.capacityProvider() + ":" + i.weight()).collect(Collectors.joining(","));
    }

    private static Map<String, String> tags(Service s) {
        return s.tags().stream().collect(Collectors.toMap(t -> t.key(), t -> t.value()));
    }
}
