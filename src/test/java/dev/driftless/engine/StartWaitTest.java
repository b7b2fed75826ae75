package dev.driftless.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftless.plan.LiveEnvironment;
import dev.driftless.plan.LiveScaling;
import dev.driftless.plan.LiveService;
import dev.driftless.plan.TaskDefinition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

class StartWaitTest {
    private final MovingClock clock = new MovingClock(Instant.parse("2026-11-30T16:00:00Z"));
    private final List<String> lines = new ArrayList<>();

    @Test
    void waitsRoundByRoundUntilTheServiceRunsItsDesiredCount() {
        StartWait wait = new StartWait(reader(round -> Math.min(3, round)), clock, clock::advance, progress());

        StartWait.Outcome outcome = wait.await("dev", List.of("backend"), Duration.ofMinutes(10));

        assertThat(outcome.stable()).isTrue();
        assertThat(lines).containsExactly(
                "waiting for backend: backend 0/3 running",
                "waiting for backend: backend 1/3 running",
                "waiting for backend: backend 2/3 running",
                "stable: backend 3/3 running");
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-30T16:00:45Z"));
    }

    @Test
    void givesUpAtTheTimeoutSayingWhatItSaw() {
        StartWait wait = new StartWait(reader(round -> 1), clock, clock::advance, progress());

        StartWait.Outcome outcome = wait.await("dev", List.of("backend"), Duration.ofMinutes(1));

        assertThat(outcome.stable()).isFalse();
        assertThat(outcome.services()).containsExactly(new StartWait.Count("backend", 1, 3, false));
        assertThat(outcome.verdict()).isEqualTo("services did not become stable within PT1M: backend 1/3 running");
        assertThat(lines).hasSize(4).allMatch(l -> l.startsWith("waiting for backend"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-30T16:01:00Z"));
    }

    @Test
    void nothingStartedIsStableAtOnce() {
        StartWait wait = new StartWait(reader(round -> 0), clock, clock::advance, progress());

        assertThat(wait.await("dev", List.of(), Duration.ofMinutes(1))).isEqualTo(new StartWait.Outcome(true, Duration.ofMinutes(1), List.of()));
        assertThat(lines).isEmpty();
    }

    private Progress progress() {
        return new Progress() {
            @Override
            public void group(String title) {
            }

            @Override
            public void line(String text) {
                lines.add(text);
            }

            @Override
            public void endGroup() {
            }

            @Override
            public void warning(String text) {
            }
        };
    }

    /** A reader whose backend runs {@code running(round)} of 3 tasks on the n-th read. */
    private static LiveStateReader reader(IntUnaryOperator running) {
        return new LiveStateReader() {
            private int round;

            @Override
            public LiveEnvironment services(String cluster, List<String> names) {
                LiveService s = new LiveService("backend", "arn", "ACTIVE", 3, running.applyAsInt(round++), 0, "td", List.of(), null,
                        Map.of(), List.of());
                return new LiveEnvironment(cluster, true, Map.of("backend", s), List.of());
            }

            @Override
            public Optional<TaskDefinition> taskDefinition(String arn, String containerName) {
                return Optional.empty();
            }

            @Override
            public Map<String, LiveScaling> scaling(String cluster, List<String> names) {
                return Map.of();
            }
        };
    }

    private static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
