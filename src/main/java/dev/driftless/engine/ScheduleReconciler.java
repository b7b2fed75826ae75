package dev.driftless.engine;

import dev.driftless.plan.ScheduleEvaluator;
import dev.driftless.plan.ScheduleEvaluator.Transition;
import dev.driftless.spec.EnvironmentSpec;
import dev.driftless.spec.ServiceView;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code schedule} run: evaluates the environment's schedule at an instant and stops or starts
 * what is out of line. Idempotent, so a delayed or dropped cron run heals on the next one.
 */
public final class ScheduleReconciler {
    private final EnvironmentScaler scaler;

    public ScheduleReconciler(EnvironmentScaler scaler) {
        this.scaler = scaler;
    }

    public Outcome reconcile(EnvironmentSpec env, List<ServiceView> services, Instant at, boolean dryRun) {
        return reconcile(env, services, at, dryRun, () -> () -> { });
    }

    /** @param beforeChanges called before the first write, only when something changes (takes the environment's lease) */
    public Outcome reconcile(EnvironmentSpec env, List<ServiceView> services, Instant at, boolean dryRun,
            java.util.function.Supplier<? extends AutoCloseable> beforeChanges) {
        if (env.schedule() == null) {
            return new Outcome(false, true, Optional.empty(), Optional.empty());
        }
        ScheduleEvaluator evaluator = new ScheduleEvaluator(env.schedule());
        boolean running = evaluator.runningAt(at);
        ScalingReport report = scaler.scale(running ? EnvironmentScaler.Direction.START : EnvironmentScaler.Direction.STOP,
                env.cluster(), services, at, dryRun, env.capacityFallbackFor(), beforeChanges);
        return new Outcome(true, running, evaluator.nextTransition(at), Optional.of(report));
    }

    /**
     * @param scheduled the environment has a schedule (without one, nothing is stopped or started)
     * @param shouldRun the schedule says the environment runs at the instant
     * @param report what was stopped or started; empty without a schedule
     */
    public record Outcome(boolean scheduled, boolean shouldRun, Optional<Transition> next, Optional<ScalingReport> report) {
    }
}
