package dev.driftless.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftless.engine.RolloutOutcome.Result;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The service-deployment waiter on a fake clock: ECS's deployment is a script of stages over time. */
class ServiceDeploymentWaiterTest {
    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    static final String ARN = "arn:aws:ecs:us-west-2:123456789012:service-deployment/dev/api/abc123";
    static final RolloutTarget API = new RolloutTarget("api", "arn:aws:ecs:us-west-2:123456789012:task-definition/app-dev-api:5");

    final FakeClock clock = new FakeClock(T0);
    final RecordingProgress progress = new RecordingProgress();

    /**
     * A canary deployment: scale-up and shift take 2 minutes, then a bake of {@code bakeMinutes}, then it is
     * SUCCESSFUL; after a stop it rolls back within a minute.
     */
    class ScriptedDeployment implements ServiceDeployments {
        final int bakeMinutes;
        final List<String> stops = new ArrayList<>();
        final List<Instant> describedAt = new ArrayList<>();
        Instant stoppedAt;

        ScriptedDeployment(int bakeMinutes) {
            this.bakeMinutes = bakeMinutes;
        }

        @Override
        public Optional<String> newest(String cluster, String service, Instant since) {
            return Optional.of(ARN);
        }

        @Override
        public Optional<String> unfinished(String cluster, String service) {
            return Optional.of(ARN);
        }

        @Override
        public ServiceDeploymentState describe(String arn) {
            Instant now = clock.instant();
            describedAt.add(now);
            long minutes = Duration.between(T0, now).toMinutes();
            if (stoppedAt != null) {
                boolean done = Duration.between(stoppedAt, now).compareTo(Duration.ofMinutes(1)) >= 0;
                return state(done ? "ROLLBACK_SUCCESSFUL" : "ROLLBACK_IN_PROGRESS", "BAKE_TIME", 0.0,
                        done ? "Service deployment rolled back because of a stop request." : null);
            }
            if (minutes < 1) {
                return state("IN_PROGRESS", "SCALE_UP", 0.0, null);
            }
            if (minutes < 2) {
                return state("IN_PROGRESS", "PRODUCTION_TRAFFIC_SHIFT", 10.0, null);
            }
            if (minutes < 2 + bakeMinutes) {
                return state("IN_PROGRESS", "BAKE_TIME", 100.0, null);
            }
            return state("SUCCESSFUL", "CLEAN_UP", 100.0, null);
        }

        ServiceDeploymentState state(String status, String stage, double green, String rollbackReason) {
            return new ServiceDeploymentState(ARN, status, null, stage, "CANARY", green, bakeMinutes, List.of(), false, 0,
                    List.of(), rollbackReason);
        }

        @Override
        public void rollback(String arn) {
            stops.add(arn);
            stoppedAt = clock.instant();
        }
    }

    ServiceDeploymentWaiter waiter(ServiceDeployments d) {
        return new ServiceDeploymentWaiter(d, clock, clock.sleeper(), progress, Duration.ofSeconds(15));
    }

    @Test
    void aThirtyMinuteBakeIsNotFailedAtTen() {
        ScriptedDeployment ecs = new ScriptedDeployment(30);

        RolloutOutcome o = waiter(ecs).await("dev", List.of(API), T0, Duration.ofMinutes(45), true).get(0);

        assertThat(o.result()).isEqualTo(Result.COMPLETED);
        assertThat(ecs.stops).isEmpty();
        assertThat(ecs.describedAt).contains(T0.plus(Duration.ofMinutes(10)));
        int atTen = ecs.describedAt.indexOf(T0.plus(Duration.ofMinutes(10)));
        assertThat(progress.lines.get(atTen))
                .isEqualTo("api: canary · stage BAKE_TIME · traffic 100% new / 0% old · bake about 22m left of 30m · IN_PROGRESS (10m)");
        assertThat(progress.lines).noneMatch(l -> l.startsWith("warning:"));
        assertThat(progress.lines).contains("api: canary · stage PRODUCTION_TRAFFIC_SHIFT · traffic 10% new / 90% old · IN_PROGRESS (1m)");
        assertThat(o.elapsed()).isEqualTo(Duration.ofMinutes(32));
    }

    @Test
    void aBakeLongerThanTheTimeoutIsStoppedWithRollbackAndTheRollbackIsWaitedFor() {
        ScriptedDeployment ecs = new ScriptedDeployment(90);

        RolloutOutcome o = waiter(ecs).await("dev", List.of(API), T0, Duration.ofMinutes(30), true).get(0);

        assertThat(ecs.stops).containsExactly(ARN);
        assertThat(ecs.stoppedAt).isEqualTo(T0.plus(Duration.ofMinutes(30)));
        assertThat(o.result()).isEqualTo(Result.ROLLED_BACK);
        assertThat(o.reasons()).anySatisfy(r -> assertThat(r).isEqualTo(
                "not finished after 30m (the environment's timeout); stopped the service deployment in BAKE_TIME with ROLLBACK"));
        assertThat(progress.lines).contains("warning: api: not finished after 30m (the environment's timeout) — stopping "
                + "service deployment abc123 with ROLLBACK (traffic returns to the previous revision)");
        assertThat(progress.lines).anyMatch(l -> l.contains("ROLLBACK_SUCCESSFUL"));
    }

    @Test
    void withRollbackOffATimeoutLeavesTheDeploymentRunning() {
        ScriptedDeployment ecs = new ScriptedDeployment(90);

        RolloutOutcome o = waiter(ecs).await("dev", List.of(API), T0, Duration.ofMinutes(30), false).get(0);

        assertThat(ecs.stops).isEmpty();
        assertThat(o.result()).isEqualTo(Result.TIMED_OUT);
        assertThat(o.reasons()).containsExactly("not finished after 30m (the environment's timeout), in BAKE_TIME");
    }

    @Test
    void anAlarmRollbackIsAFailureNamingTheAlarm() {
        ServiceDeployments alarmed = new ScriptedDeployment(30) {
            @Override
            public ServiceDeploymentState describe(String arn) {
                return new ServiceDeploymentState(ARN, "ROLLBACK_SUCCESSFUL", null, "BAKE_TIME", "CANARY", 0.0, 30,
                        List.of("api-5xx"), false, 0, List.of(), "CloudWatch alarm api-5xx is in ALARM state.");
            }
        };

        RolloutOutcome o = waiter(alarmed).await("dev", List.of(API), T0, Duration.ofMinutes(30), true).get(0);

        assertThat(o.result()).isEqualTo(Result.ROLLED_BACK);
        assertThat(o.reasons()).containsExactly("alarm api-5xx went to ALARM",
                "ECS rolled back: CloudWatch alarm api-5xx is in ALARM state.");
    }
}
