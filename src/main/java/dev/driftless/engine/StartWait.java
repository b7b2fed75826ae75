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
 * its desiredCount with no deployment in progress, printing one progress line a round. A timeout is an
 * outcome, not an exception, so the command can report it (JSON, summary) before failing.
 */
public final class StartWait {
    public static final Duration INTERVAL = Duration.ofSeconds(15);

    /** One service's tasks at the last read; {@code deploying} while ECS still rolls out the change. */
    public record Count(String service, int running, int desired, boolean deploying) {
        @Override
        public String toString() {
            return service + " " + running + "/" + desired + " running" + (deploying ? " (deployment in progress)" : "");
        }
    }

    /** How the wait ended: every service stable, or the timeout reached with the counts last seen. */
    public record Outcome(boolean stable, Duration timeout, List<Count> services) {
        public Outcome {
            services = List.copyOf(services);
        }

        /** The one line the console, the job summary and the failure all say. */
        public String verdict() {
            return stable ? "stable: " + joined(services)
                    : "services did not become stable within " + timeout + ": " + joined(services);
        }
    }

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

    public Outcome await(String cluster, List<String> services, Duration timeout) {
        if (services.isEmpty()) {
            return new Outcome(true, timeout, List.of());
        }
        Instant deadline = clock.instant().plus(timeout);
        while (true) {
            List<LiveService> read = List.copyOf(reader.services(cluster, services).services().values());
            List<LiveService> waiting = read.stream().filter(s -> s.runningCount() < s.desiredCount() || s.deploying()).toList();
            List<Count> counts = read.stream().map(s -> new Count(s.name(), s.runningCount(), s.desiredCount(), s.deploying())).toList();
            if (waiting.isEmpty() || !clock.instant().isBefore(deadline)) {
                Outcome outcome = new Outcome(waiting.isEmpty(), timeout, counts);
                if (outcome.stable()) {
                    progress.line(outcome.verdict());
                }
                return outcome;
            }
            progress.line("waiting for " + waiting.stream().map(LiveService::name).collect(Collectors.joining(", "))
                    + ": " + joined(counts));
            try {
                sleeper.sleep(INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DriftlessException("interrupted while waiting for services to become stable", null, e);
            }
        }
    }

    private static String joined(List<Count> counts) {
        return counts.stream().map(Count::toString).collect(Collectors.joining(", "));
    }
}
