package dev.driftless.engine;

import dev.driftless.DriftlessException;
import dev.driftless.plan.LiveService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code start --wait}: polls the started services (one DescribeServices per 10 a round) until each runs
 * its desiredCount with no deployment in progress, printing one progress line a round.
 */
public final class StartWait {
    public static final Duration INTERVAL = Duration.ofSeconds(15);

    private final LiveStateReader reader;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Progress progress;

    public StartWait(LiveStateReader reader, Clock clock, Sleeper sleeper, Progress progress) {
        this.reader = reader;
        this.clock = clock;
        this.sleeper = sleeper;
        this.progress = progress;
    }

    public void await(String cluster, List<String> services, Duration timeout) {
        if (services.isEmpty()) {
            return;
        }
        Instant deadline = clock.instant().plus(timeout);
        while (true) {
            List<LiveService> read = List.copyOf(reader.services(cluster, services).services().values());
            List<LiveService> waiting = read.stream().filter(s -> s.runningCount() < s.desiredCount() || s.deploying()).toList();
            String counts = read.stream().map(s -> s.name() + " " + s.runningCount() + "/" + s.desiredCount() + " running")
                    .collect(Collectors.joining(", "));
            if (waiting.isEmpty()) {
                progress.line("stable: " + counts);
                return;
            }
            if (!clock.instant().isBefore(deadline)) {
                throw new DriftlessException("services did not become stable within " + timeout + ": " + counts,
                        "look at the services' events and stopped tasks in the ECS console; the start itself was applied");
            }
            progress.line("waiting for " + waiting.stream().map(LiveService::name).collect(Collectors.joining(", ")) + ": " + counts);
            try {
                sleeper.sleep(INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DriftlessException("interrupted while waiting for services to become stable", null, e);
            }
        }
    }
}
