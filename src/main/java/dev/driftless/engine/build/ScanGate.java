package dev.driftless.engine.build;

import dev.driftless.engine.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Waits for ECR's scan of a pushed image and judges it against a severity threshold. Bounded by a
 * timeout; says what it is waiting for on every poll.
 */
public final class ScanGate {
    /** How long to wait for a scan-on-push scan to show up before asking for one ourselves. */
    private static final int POLLS_BEFORE_START = 2;

    private final ContainerRegistry registry;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration interval;
    private final Consumer<String> progress;

    public ScanGate(ContainerRegistry registry, Clock clock, Sleeper sleeper, Duration interval, Consumer<String> progress) {
        this.registry = registry;
        this.clock = clock;
        this.sleeper = sleeper;
        this.interval = interval;
        this.progress = progress;
    }

    /** How a gate ended. */
    public sealed interface Verdict {
        /** @param report the scan, whose findings below the threshold are shown but do not fail */
        record Passed(ScanReport report) implements Verdict {
        }

        /** @param worst the findings at or above the threshold, worst first */
        record Failed(ScanReport report, int count, List<Finding> worst) implements Verdict {
        }

        /** ECR cannot scan this image (e.g. no OS package manager); reported, not failed. */
        record Unscannable(String reason) implements Verdict {
        }

        /** The scan did not finish, or ECR reported it failed. */
        record Incomplete(String reason) implements Verdict {
        }
    }

    public Verdict await(String repository, String digest, Severity failOn, Duration timeout) throws InterruptedException {
        Instant start = clock.instant();
        Instant deadline = start.plus(timeout);
        int notStarted = 0;
        boolean asked = false;
        String last = "";
        while (true) {
            ScanLookup lookup = registry.scan(repository, digest);
            String state;
            if (lookup instanceof ScanLookup.Found found) {
                ScanReport report = found.report();
                if (report.complete()) {
                    return judge(report, failOn);
                }
                if (report.unsupported()) {
                    return new Verdict.Unscannable(report.description() == null ? report.status() : report.description());
                }
                if (report.failed()) {
                    return new Verdict.Incomplete("ECR's scan " + report.status() + ": "
                            + (report.description() == null ? "no reason given" : report.description()));
                }
                state = "scan " + report.status();
            } else if (lookup instanceof ScanLookup.NotStarted) {
                notStarted++;
                if (notStarted >= POLLS_BEFORE_START && !asked) {
                    registry.startScan(repository, digest);
                    asked = true;
                    state = "no scan yet; asked ECR to start one";
                } else {
                    state = asked ? "scan requested, not started yet" : "waiting for the scan on push to start";
                }
            } else {
                state = "image not in ECR yet";
            }
            Duration waited = Duration.between(start, clock.instant());
            if (!clock.instant().isBefore(deadline)) {
                return new Verdict.Incomplete("no finished scan of " + repository + "@" + digest + " after "
                        + human(timeout) + " (last state: " + state + ")");
            }
            if (!state.equals(last) || waited.toSeconds() % 60 < interval.toSeconds()) {
                progress.accept("  " + repository + "@" + shortDigest(digest) + ": " + state + " (" + human(waited) + " of " + human(timeout) + ")");
            }
            last = state;
            sleeper.sleep(interval);
        }
    }

    private static Verdict judge(ScanReport report, Severity failOn) {
        int count = report.countAtLeast(failOn);
        List<Finding> worst = report.atLeast(failOn);
        if (count == 0 && worst.isEmpty()) {
            return new Verdict.Passed(report);
        }
        return new Verdict.Failed(report, Math.max(count, worst.size()), worst);
    }

    static String shortDigest(String digest) {
        return digest.length() > 19 ? digest.substring(0, 19) : digest;
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        return s < 60 ? s + "s" : s % 60 == 0 ? (s / 60) + "m" : (s / 60) + "m" + (s % 60) + "s";
    }
}
