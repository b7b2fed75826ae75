package dev.driftless.engine;

import dev.driftless.engine.RolloutOutcome.Result;
import dev.driftless.spec.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One service whose ECS service deployment is being followed: finds the deployment our update started,
 * remembers when its bake began (ECS reports the stage, not when it was entered) and whether driftless
 * stopped it, and turns each poll into one progress line and, at the end, an outcome.
 */
final class ServiceDeploymentWatch {
    private final RolloutTarget target;
    private final Instant started;
    private final List<String> reasons = new ArrayList<>();
    private String arn;
    private ServiceDeploymentState last;
    private Instant bakeStarted;
    private String stoppedIn;
    private String forwardStage;

    ServiceDeploymentWatch(RolloutTarget target, Instant started, String arn) {
        this.target = target;
        this.started = started;
        this.arn = arn;
    }

    String service() {
        return target.service();
    }

    Optional<String> arn() {
        return Optional.ofNullable(arn);
    }

    void found(String deploymentArn) {
        arn = deploymentArn;
    }

    ServiceDeploymentState last() {
        return last;
    }

    boolean stopped() {
        return stoppedIn != null;
    }

    /** driftless asked ECS to roll back (timeout, or a rollback command) while the deployment was at {@code stage}. */
    void stoppedBy(String why) {
        stoppedIn = last == null || last.stage() == null ? "before ECS started it" : last.stage();
        reasons.add(why + "; stopped the service deployment in " + stoppedIn + " with ROLLBACK");
    }

    /** The line for one poll, and the outcome when the deployment has finished. */
    RolloutWatch.Report observe(ServiceDeploymentState s, Instant now) {
        Duration elapsed = Duration.between(started, now).withNanos(0);
        if (s.stage() != null && s.stage().equals(ServiceDeploymentState.BAKE_TIME)) {
            if (bakeStarted == null) {
                bakeStarted = now;
            }
        }
        if (!s.rollingBack() && s.stage() != null && !s.finished()) {
            forwardStage = s.stage();
        }
        last = s;
        String line = line(s, now, elapsed);
        if (!s.finished()) {
            return new RolloutWatch.Report(line, List.of(), Optional.empty());
        }
        Result result;
        if (s.succeeded()) {
            result = Result.COMPLETED;
        } else {
            reasons.addAll(0, s.reasons());
            result = ServiceDeploymentState.ROLLBACK_SUCCESSFUL.equals(s.status()) ? Result.ROLLED_BACK : Result.FAILED;
        }
        return new RolloutWatch.Report(line, List.of(), Optional.of(new RolloutOutcome(service(),
                target.taskDefinitionArn(), result, s.succeeded() ? target.taskDefinitionArn() : null, elapsed, reasons,
                where(s))));
    }

    /** Where the deployment ended, for reports: "SUCCESSFUL", "rolled back in BAKE_TIME", "STOPPED in SCALE_UP". */
    private String where(ServiceDeploymentState s) {
        if (s.succeeded()) {
            return s.status();
        }
        String stage = stoppedIn != null ? stoppedIn : forwardStage;
        String what = ServiceDeploymentState.ROLLBACK_SUCCESSFUL.equals(s.status()) ? "rolled back"
                : s.status().toLowerCase(Locale.ROOT).replace('_', ' ');
        return stage == null ? what : what + " in " + stage;
    }

    /** Waiting for ECS to list the deployment our update started. */
    RolloutWatch.Report notYet(Instant now) {
        return new RolloutWatch.Report(service() + ": waiting for ECS to start the service deployment ("
                + Durations.format(Duration.between(started, now).withNanos(0)) + ")", List.of(), Optional.empty());
    }

    RolloutOutcome timedOut(Instant now, Duration timeout) {
        String where = last == null ? "before ECS started the service deployment"
                : "in " + (last.stage() == null ? last.status() : last.stage());
        reasons.add("not finished after " + Durations.format(timeout) + " (the environment's timeout), " + where
                + (stopped() ? "; the rollback did not finish either" : ""));
        return new RolloutOutcome(service(), target.taskDefinitionArn(), Result.TIMED_OUT, null,
                Duration.between(started, now), reasons, "timed out " + where);
    }

    private String line(ServiceDeploymentState s, Instant now, Duration elapsed) {
        List<String> parts = new ArrayList<>();
        parts.add(strategy(s.strategy()));
        parts.add(s.stage() == null ? "stage -" : "stage " + s.stage());
        if (s.greenTrafficPercent() != null) {
            double green = s.greenTrafficPercent();
            parts.add("traffic " + percent(green) + " new / " + percent(100 - green) + " old");
        }
        if (bakeStarted != null && ServiceDeploymentState.BAKE_TIME.equals(s.stage())) {
            if (s.bakeTimeMinutes() == null) {
                parts.add("baking for " + Durations.format(Duration.between(bakeStarted, now).withNanos(0)));
            } else {
                Duration left = Duration.ofMinutes(s.bakeTimeMinutes()).minus(Duration.between(bakeStarted, now));
                parts.add("bake " + (left.isNegative() || left.isZero() ? "ending" : "about " + Durations.format(
                        left.withNanos(0)) + " left") + " of " + s.bakeTimeMinutes() + "m");
            }
        }
        parts.add(s.status());
        return service() + ": " + String.join(" · ", parts) + " (" + Durations.format(elapsed) + ")";
    }

    private static String strategy(String s) {
        return s == null ? "service deployment" : s.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String percent(double p) {
        return (p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(Math.round(p * 10) / 10.0)) + "%";
    }
}
