package dev.driftless.cli;

import dev.driftless.engine.EnvironmentScaler.Direction;
import dev.driftless.engine.ScalingReport;
import dev.driftless.engine.StartWait;
import dev.driftless.plan.ScheduleEvaluator.Transition;
import dev.driftless.plan.ScheduleSavings;
import java.util.Optional;

/**
 * One schedule, stop or start run as reported: everything the console lines, the job summary, the
 * step outputs and {@code --json} are made from, so they cannot disagree.
 *
 * @param command  schedule, stop or start
 * @param report   empty when nothing was evaluated (an environment without a schedule)
 * @param headline the one-line verdict printed first
 * @param waitOutcome how {@code start --wait} ended; empty when nothing was waited for
 */
record ScalingRun(String command, ScalingTarget target, Optional<ScalingReport> report, Optional<Transition> next,
        ScheduleSavings savings, String headline, boolean dryRun, Optional<StartWait.Outcome> waitOutcome) {

    ScalingRun(String command, ScalingTarget target, Optional<ScalingReport> report, Optional<Transition> next,
            ScheduleSavings savings, String headline, boolean dryRun) {
        this(command, target, report, next, savings, headline, dryRun, Optional.empty());
    }

    ScalingRun afterWait(StartWait.Outcome outcome) {
        return new ScalingRun(command, target, report, next, savings, headline, dryRun, Optional.of(outcome));
    }

    /** stopped / started when a service changed (or would, in a dry run), else none. */
    String action() {
        return report.filter(r -> !r.changed().isEmpty())
                .map(r -> r.direction() == Direction.STOP ? "stopped" : "started").orElse("none");
    }
}
