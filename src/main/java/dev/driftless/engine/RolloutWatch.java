package dev.driftless.engine;

import dev.driftless.engine.RolloutOutcome.Result;
import dev.driftless.plan.LiveService;
import dev.driftless.plan.LiveService.LiveDeployment;
import dev.driftless.plan.LiveService.LiveEvent;
import dev.driftless.spec.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One service being waited on: remembers what was already shown (events, stopped tasks) and when the
 * rollout last moved, so each poll shows only what is new and tells "slow but progressing" from "failing".
 * Not thread-safe; the waiter gives each watch to one thread per round.
 */
final class RolloutWatch {
    /** A rollout that has not moved for this long is called stalled rather than progressing. */
    static final Duration STALLED_AFTER = Duration.ofMinutes(5);

    private final RolloutTarget target;
    private final Instant started;
    private final Set<String> seenEvents = new HashSet<>();
    private final Set<String> seenStopped = new HashSet<>();
    private final List<String> reasons = new ArrayList<>();
    private int failedSeen;
    private int runningSeen = -1;
    private String rolloutSeen;
    private Instant lastMoved;
    private String lastPrimary;
    /** An event since the change said Fargate had no capacity for a task. */
    private boolean spotShort;

    RolloutWatch(RolloutTarget target, Instant started) {
        this.target = target;
        this.started = started;
        this.lastMoved = started;
    }

    String service() {
        return target.service();
    }

    /** What one poll showed: lines to print under a title, and the outcome when waiting is over. */
    record Report(String title, List<String> lines, Optional<RolloutOutcome> outcome) {
    }

    Report observe(Optional<LiveService> snapshot, Instant now, StoppedTaskReader reader, String cluster) {
        Duration elapsed = Duration.between(started, now);
        if (snapshot.isEmpty() || "INACTIVE".equals(snapshot.get().status())) {
            reasons.add("service " + service() + " does not exist in cluster " + cluster);
            return finish(Result.MISSING, null, elapsed, "missing", List.of());
        }
        LiveService s = snapshot.get();
        List<String> lines = new ArrayList<>();
        boolean failureSignals = newEvents(s, lines);
        Optional<LiveDeployment> ours = deploymentOf(s, target.taskDefinitionArn());
        Optional<LiveDeployment> primary = s.primary();
        int failed = ours.map(LiveDeployment::failedTasks).orElse(0);
        if (failed > failedSeen) {
            failureSignals = true;
            failedSeen = failed;
        }
        int running = ours.map(LiveDeployment::runningCount).orElse(0);
        String rollout = ours.map(LiveDeployment::rolloutState).orElse(null);
        if (running != runningSeen || !java.util.Objects.equals(rollout, rolloutSeen)) {
            lastMoved = now;
            runningSeen = running;
            rolloutSeen = rollout;
        }
        String live = primary.map(LiveDeployment::taskDefinitionArn).orElse(s.taskDefinitionArn());
        lastPrimary = live;
        boolean oursIsPrimary = target.taskDefinitionArn().equals(live);

        Result result = null;
        if (oursIsPrimary && spotShort && running == 0 && s.settings() != null
                && dev.driftless.plan.SpotFallback.usesSpot(s.settings().capacityProviderStrategy())) {
            result = Result.SPOT_UNAVAILABLE;
        } else if (!oursIsPrimary) {
            result = Result.REPLACED;
            reasons.add("our deployment (" + shortArn(target.taskDefinitionArn()) + ") is no longer PRIMARY; "
                    + shortArn(live) + " is" + ours.map(d -> d.rolloutStateReason() == null ? ""
                            : " (" + d.rolloutStateReason() + ")").orElse(""));
        } else if ("FAILED".equals(rollout)) {
            result = Result.FAILED;
            reasons.add("rollout FAILED" + ours.map(d -> d.rolloutStateReason() == null ? ""
                    : ": " + d.rolloutStateReason()).orElse(""));
        } else if (completed(s, ours) || (s.deployments().isEmpty() && s.runningCount() >= s.desiredCount() && s.pendingCount() == 0)) {
            result = Result.COMPLETED;
        }
        if (failureSignals || (result != null && !result.succeeded())) {
            stoppedTasks(reader, cluster, lines);
        }
        String title = title(s, ours, elapsed, now, failed, result);
        if (result != null) {
            return finish(result, live, elapsed, title, lines);
        }
        return new Report(title, lines, Optional.empty());
    }

    /** Called when the deadline passed with the rollout still going. */
    RolloutOutcome timedOut(Instant now, Duration timeout) {
        reasons.add("not stable after " + Durations.format(timeout) + " (the environment's timeout); last seen: "
                + (runningSeen < 0 ? "no answer" : runningSeen + " running, rollout " + rolloutSeen));
        return new RolloutOutcome(service(), target.taskDefinitionArn(), Result.TIMED_OUT, lastPrimary,
                Duration.between(started, now), reasons);
    }

    /** The deployment running a task definition, PRIMARY first. */
    static Optional<LiveDeployment> deploymentOf(LiveService s, String taskDefinitionArn) {
        return s.deployments().stream().filter(d -> taskDefinitionArn.equals(d.taskDefinitionArn()))
                .min((a, b) -> Boolean.compare(b.isPrimary(), a.isPrimary()));
    }

    private static boolean completed(LiveService s, Optional<LiveDeployment> ours) {
        if (ours.isEmpty()) {
            return false;
        }
        LiveDeployment d = ours.get();
        if (d.rolloutState() != null) {
            return "COMPLETED".equals(d.rolloutState());
        }
        // deployment controllers without a rollout state: stable when ours is the only one and full
        return s.deployments().size() == 1 && d.runningCount() >= d.desiredCount() && d.pendingCount() == 0;
    }

    private boolean newEvents(LiveService s, List<String> lines) {
        boolean failure = false;
        List<LiveEvent> fresh = new ArrayList<>();
        for (LiveEvent e : sinceTheChange(s.events())) {
            if (seenEvents.add(e.id() != null ? e.id() : e.createdAt() + e.message())) {
                fresh.add(e);
            }
        }
        // ECS lists events newest first; show them in the order they happened
        for (int i = fresh.size() - 1; i >= 0; i--) {
            String m = fresh.get(i).message();
            lines.add("event: " + m);
            spotShort |= dev.driftless.plan.SpotFallback.capacityUnavailable(m);
            if (looksLikeFailure(m)) {
                failure = true;
                reasons.add(m);
            }
        }
        return failure;
    }

    /**
     * The events ECS added after the ones read before the change: newest first, up to the first id that was
     * already there; when none of those ids is listed any more (ECS keeps the newest 100), the events newer
     * than the newest one seen, by ECS's timestamps. Only without a baseline does the runner's clock decide.
     */
    private List<LiveEvent> sinceTheChange(List<LiveEvent> events) {
        if (!target.hasBaseline()) {
            return events.stream().filter(e -> e.createdAt() == null || !e.createdAt().isBefore(started)).toList();
        }
        Set<String> before = new HashSet<>();
        Instant newestBefore = null;
        for (LiveEvent e : target.seenEvents()) {
            if (e.id() != null) {
                before.add(e.id());
            }
            if (e.createdAt() != null && (newestBefore == null || e.createdAt().isAfter(newestBefore))) {
                newestBefore = e.createdAt();
            }
        }
        List<LiveEvent> after = new ArrayList<>();
        for (LiveEvent e : events) {
            if (e.id() != null && before.contains(e.id())) {
                break;
            }
            if (newestBefore != null && e.createdAt() != null && e.createdAt().isBefore(newestBefore)) {
                continue;
            }
            after.add(e);
        }
        return after;
    }

    static boolean looksLikeFailure(String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return m.contains("unable") || m.contains("failed") || m.contains("unhealthy") || m.contains("error")
                || m.contains("circuit breaker") || m.contains("rolling back");
    }

    private void stoppedTasks(StoppedTaskReader reader, String cluster, List<String> lines) {
        for (StoppedTask t : reader.stoppedTasks(cluster, service())) {
            if (seenStopped.add(t.arn())) {
                String d = t.describe();
                lines.add(d);
                reasons.add(d);
            }
        }
    }

    private String title(LiveService s, Optional<LiveDeployment> ours, Duration elapsed, Instant now, int failed,
            Result result) {
        LiveDeployment d = ours.orElse(null);
        int desired = d == null ? s.desiredCount() : d.desiredCount();
        int running = d == null ? 0 : d.runningCount();
        int pending = d == null ? 0 : d.pendingCount();
        String state;
        if (result != null) {
            state = result.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        } else if (failed > 0) {
            state = "failing (" + failed + " task" + (failed == 1 ? "" : "s") + " failed)";
        } else if (Duration.between(lastMoved, now).compareTo(STALLED_AFTER) >= 0) {
            state = "no progress for " + Durations.format(Duration.between(lastMoved, now));
        } else if (elapsed.compareTo(Duration.ofMinutes(10)) >= 0) {
            state = "slow but progressing";
        } else {
            state = "progressing";
        }
        return service() + ": " + running + "/" + desired + " running, " + pending + " pending, rollout "
                + (d == null || d.rolloutState() == null ? "-" : d.rolloutState()) + " · " + state + " ("
                + Durations.format(elapsed.withNanos(0)) + ")";
    }

    private Report finish(Result result, String live, Duration elapsed, String title, List<String> lines) {
        return new Report(title, lines, Optional.of(
                new RolloutOutcome(service(), target.taskDefinitionArn(), result, live, elapsed, reasons)));
    }

    static String shortArn(String arn) {
        return arn == null ? "none" : arn.substring(arn.lastIndexOf('/') + 1);
    }
}
