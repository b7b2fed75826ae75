package dev.driftless.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftless.aws.AppAutoScalingTargets;
import dev.driftless.aws.EcsServiceWriter;
import dev.driftless.aws.EcsStoppedTaskReader;
import dev.driftless.aws.EcsTaskDefinitionStore;
import dev.driftless.engine.ServiceResult.Outcome;
import dev.driftless.testing.MotoServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A circuit breaker that trips inside UpdateService (moto launcher {@code circuit_breaker.py}): the events
 * saying why are older than anything the runner's clock reads afterwards, yet they are new since the plan's
 * read — so the waiter shows them and the failed deploy's summary lists them, with the rollout's reason.
 */
class CircuitBreakerEventsTest {
    static MotoServer moto;

    @BeforeAll
    static void start() {
        moto = MotoServer.startLaunchers(List.of("/moto/circuit_breaker.py", "/moto/rollouts.py"),
                Map.of("MOTO_CIRCUIT_BREAKER_SERVICES", "frontend"));
    }

    @AfterAll
    static void stop() {
        moto.close();
    }

    @Test
    void aRolloutThatFailsBeforeTheFirstPollShowsWhyInTheSummary() {
        moto.reset();
        MotoNetwork network = MotoNetwork.create(moto);
        try (DeployFixture f = new DeployFixture(moto.endpoint())) {
            f.createCluster();
            assertThat(f.deploy(DeployFixture.spec(network), "v1").ok()).isTrue();
            // a runner clock far ahead of ECS's: every event would be "before the wait started"
            FakeClock late = new FakeClock(Instant.parse("2031-01-01T00:00:00Z"));
            RolloutWaiter waiter = new RolloutWaiter(f.reader(), new EcsStoppedTaskReader(f.ecs), late, late.sleeper(),
                    f.progress, Duration.ofSeconds(15), 4);
            Deployer deployer = new Deployer(new EcsTaskDefinitionStore(f.ecs, dev.driftless.aws.RetryPolicy.DEFAULT,
                    late.sleeper()), new EcsServiceWriter(f.ecs, dev.driftless.aws.RetryPolicy.DEFAULT, late.sleeper()),
                    new AppAutoScalingTargets(f.autoScaling), waiter, f.progress, late);
            var spec = DeployFixture.spec(network);
            var steps = new DeployPlanner(spec, f.reader()).plan("dev", List.of("frontend"),
                    new ImageSelection(Map.of(), "v2"), false);

            DeployReport report = deployer.apply("dev", DeployFixture.CLUSTER, spec.resourceTags("dev"), steps,
                    new DeployOptions(Duration.ofMinutes(20), false, true, false, 10, "abc"));

            ServiceResult frontend = report.services().get(0);
            assertThat(report.ok()).isFalse();
            assertThat(frontend.outcome()).isEqualTo(Outcome.FAILED_ROLLED_BACK);
            assertThat(frontend.reasons())
                    .anyMatch(r -> r.contains("deployment failed: tasks failed to start"))
                    .anyMatch(r -> r.contains("ECS deployment circuit breaker: tasks failed to start"))
                    .noneMatch(r -> r.contains("steady state"));
            assertThat(f.progress.lines).anyMatch(l -> l.startsWith("event: ") && l.contains("rolling back to deployment"));
            assertThat(render(report)).contains("tasks failed to start");
        }
    }

    static String render(DeployReport report) {
        return dev.driftless.render.DeployMarkdown.render("Deploy", "durable-code", report);
    }
}
