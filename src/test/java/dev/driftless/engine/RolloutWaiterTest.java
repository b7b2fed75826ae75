package dev.driftless.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftless.engine.RolloutOutcome.Result;
import dev.driftless.plan.LiveEnvironment;
import dev.driftless.plan.LiveScaling;
import dev.driftless.plan.LiveService;
import dev.driftless.plan.LiveService.LiveDeployment;
import dev.driftless.plan.LiveService.LiveEvent;
import dev.driftless.plan.TaskDefinition;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RolloutWaiterTest {
    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    static final String OLD = "arn:aws:ecs:us-west-2:123456789012:task-definition/app-backend:4";
    static final String NEW = "arn:aws:ecs:us-west-2:123456789012:task-definition/app-backend:5";

    final FakeClock clock = new FakeClock(T0);
    final RecordingProgress progress = new RecordingProgress();

    /** Answers DescribeServices from a function of (service, minutes since T0) and counts calls. */
    final class ScriptedReader implements LiveStateReader, StoppedTaskReader {
        final List<List<String>> describeCalls = Collections.synchronizedList(new ArrayList<>());
        final List<String> stoppedCalls = Collections.synchronizedList(new ArrayList<>());
        final BiFunction<String, Long, LiveService> script;
        final List<StoppedTask> stopped;

        ScriptedReader(BiFunction<String, Long, LiveService> script, List<StoppedTask> stopped) {
            this.script = script;
            this.stopped = stopped;
        }

        @Override
        public LiveEnvironment services(String cluster, List<String> services) {
            describeCalls.add(List.copyOf(services));
            long minutes = Duration.between(T0, clock.instant()).toMinutes();
            Map<String, LiveService> found = new LinkedHashMap<>();
            services.forEach(s -> found.put(s, script.apply(s, minutes)));
            return new LiveEnvironment(cluster, true, found, List.of());
        }

        @Override
        public Optional<TaskDefinition> taskDefinition(String arn, String containerName) {
            throw new AssertionError("the waiter never reads task definitions");
        }

        @Override
        public Map<String, LiveScaling> scaling(String cluster, List<String> names) {
            throw new AssertionError("the waiter never reads scaling");
        }

        @Override
        public List<StoppedTask> stoppedTasks(String cluster, String service) {
            stoppedCalls.add(service);
            return stopped;
        }
    }

    static LiveService service(String name, List<LiveDeployment> deployments, List<LiveEvent> events) {
        LiveDeployment p = deployments.get(0);
        return new LiveService(name, "arn:aws:ecs:us-west-2:123456789012:service/c/" + name, "ACTIVE",
                p.desiredCount(), p.runningCount(), p.pendingCount(), p.taskDefinitionArn(), deployments, null,
                Map.of(), events);
    }

    static LiveDeployment primary(String td, String rollout, int desired, int running, int failed) {
        return new LiveDeployment("ecs-svc/1", "PRIMARY", td, rollout, rollout + " reason", running, desired,
                desired - running, failed, T0, T0);
    }

    static LiveDeployment active(String td, int running) {
        return new LiveDeployment("ecs-svc/0", "ACTIVE", td, "COMPLETED", null, running, running, 0, 0,
                T0.minusSeconds(3600), T0);
    }

    RolloutWaiter waiter(ScriptedReader reader) {
        return new RolloutWaiter(reader, reader, clock, clock.sleeper(), progress, Duration.ofSeconds(30), 4);
    }

    @Test
    void aRolloutThatKeepsProgressingFor45MinutesIsNotFailedAt10() {
        // one more task every 5 minutes: 9 of 10 at minute 45, all 10 (COMPLETED) from minute 46
        ScriptedReader reader = new ScriptedReader((name, min) -> min >= 46
                ? service(name, List.of(primary(NEW, "COMPLETED", 10, 10, 0)), List.of())
                : service(name, List.of(primary(NEW, "IN_PROGRESS", 10, (int) (min / 5), 0), active(OLD, 10)),
                        List.of()), List.of());

        List<RolloutOutcome> outcomes = waiter(reader).await("c", List.of(new RolloutTarget("backend", NEW)),
                Duration.ofMinutes(60));

        RolloutOutcome o = outcomes.get(0);
        assertThat(o.result()).isEqualTo(Result.COMPLETED);
        assertThat(o.elapsed()).isGreaterThanOrEqualTo(Duration.ofMinutes(46)).isLessThan(Duration.ofMinutes(47));
        assertThat(o.live()).isEqualTo(NEW);
        assertThat(progress.lines).anyMatch(l -> l.contains("9/10 running") && l.contains("slow but progressing"));
        assertThat(progress.lines).noneMatch(l -> l.contains("timed out") || l.startsWith("warning"));
        assertThat(reader.stoppedCalls).as("no failures, so no task lookups").isEmpty();
    }

    @Test
    void aCircuitBreakerFailureIsAFailureWithTheStoppedTasksReasons() {
        StoppedTask crash = new StoppedTask("arn:aws:ecs:us-west-2:123456789012:task/c/abc123", NEW,
                "Essential container in task exited", List.of("backend: exit code 137"), T0);
        ScriptedReader reader = new ScriptedReader((name, min) -> min >= 2
                ? service(name, List.of(primary(NEW, "FAILED", 1, 0, 3), active(OLD, 1)),
                        List.of(new LiveEvent("e2", T0.plusSeconds(100),
                                "(service backend) deployment ecs-svc/1 deployment failed: tasks failed to start.")))
                : service(name, List.of(primary(NEW, "IN_PROGRESS", 1, 0, 0), active(OLD, 1)), List.of()),
                List.of(crash));

        RolloutOutcome o = waiter(reader).await("c", List.of(new RolloutTarget("backend", NEW)),
                Duration.ofMinutes(30)).get(0);

        assertThat(o.result()).isEqualTo(Result.FAILED);
        assertThat(o.succeeded()).isFalse();
        assertThat(o.reasons()).anyMatch(r -> r.contains("Essential container in task exited") && r.contains("exit code 137"))
                .anyMatch(r -> r.contains("deployment failed: tasks failed to start"));
        assertThat(progress.lines).anyMatch(l -> l.startsWith("event: ") && l.contains("deployment failed"));
    }

    @Test
    void aDeploymentRolledBackByTheCircuitBreakerIsNotSuccessEvenWhenStable() {
        // ECS rolled back: the old definition is PRIMARY again and COMPLETED, ours is gone
        ScriptedReader reader = new ScriptedReader((name, min) -> min >= 1
                ? service(name, List.of(primary(OLD, "COMPLETED", 1, 1, 0)), List.of())
                : service(name, List.of(primary(NEW, "IN_PROGRESS", 1, 0, 1), active(OLD, 1)), List.of()),
                List.of());

        RolloutOutcome o = waiter(reader).await("c", List.of(new RolloutTarget("backend", NEW)),
                Duration.ofMinutes(30)).get(0);

        assertThat(o.result()).isEqualTo(Result.REPLACED);
        assertThat(o.live()).isEqualTo(OLD);
        assertThat(o.reasons()).anyMatch(r -> r.contains("no longer PRIMARY") && r.contains("app-backend:4"));
    }

    @Test
    void aRolloutStillGoingAtTheEnvironmentsTimeoutTimesOutThere() {
        ScriptedReader reader = new ScriptedReader(
                (name, min) -> service(name, List.of(primary(NEW, "IN_PROGRESS", 2, 1, 0), active(OLD, 2)), List.of()),
                List.of());

        RolloutOutcome o = waiter(reader).await("c", List.of(new RolloutTarget("backend", NEW)),
                Duration.ofMinutes(20)).get(0);

        assertThat(o.result()).isEqualTo(Result.TIMED_OUT);
        assertThat(o.elapsed()).isEqualTo(Duration.ofMinutes(20));
        assertThat(o.reasons()).anyMatch(r -> r.contains("not stable after 20m"));
        assertThat(progress.lines).anyMatch(l -> l.contains("no progress for"));
    }

    @Test
    void eachRoundDescribesTheServicesStillWaitingTenPerCall() {
        List<String> names = IntStream.range(0, 23).mapToObj(i -> "svc" + i).toList();
        // svc0..svc9 finish at minute 1, the rest at minute 2
        ScriptedReader reader = new ScriptedReader((name, min) -> {
            int i = Integer.parseInt(name.substring(3));
            boolean done = min >= (i < 10 ? 1 : 2);
            return service(name, List.of(primary(NEW, done ? "COMPLETED" : "IN_PROGRESS", 1, done ? 1 : 0, 0)), List.of());
        }, List.of());

        List<RolloutOutcome> outcomes = waiter(reader).await("c",
                names.stream().map(n -> new RolloutTarget(n, NEW)).toList(), Duration.ofMinutes(30));

        assertThat(outcomes).extracting(RolloutOutcome::service).containsExactlyElementsOf(names);
        assertThat(outcomes).allMatch(RolloutOutcome::succeeded);
        assertThat(reader.describeCalls).allMatch(c -> c.size() <= 10);
        // rounds at 0:00, 0:30 (23 waiting: 3 calls each), 1:00 (23: 3 calls), 1:30 and 2:00 (13 waiting: 2 calls each)
        assertThat(reader.describeCalls).hasSize(3 + 3 + 3 + 2 + 2);
        assertThat(reader.describeCalls.stream().mapToInt(List::size).sum()).isEqualTo(23 * 3 + 13 * 2);
    }
}
