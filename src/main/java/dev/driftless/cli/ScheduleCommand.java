package dev.driftless.cli;

import dev.driftless.aws.AwsClients;
import dev.driftless.engine.ScheduleReconciler;
import dev.driftless.engine.ScalingReport;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code driftless schedule}: what the hourly cron runs. Evaluates the environment's schedule at now (or
 * --at) in its own time zone and stops or starts whatever is out of line; a second run changes nothing.
 */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = "Stop or start an environment's services to match its schedule at now (or --at), in the schedule's "
                + "IANA time zone. Idempotent: services already where they should be are left alone.")
public final class ScheduleCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    TrackerOptions tracker;

    private final CommandContext ctx;

    public ScheduleCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ScalingTarget target = ScalingTarget.resolve(common, ctx);
        Instant at = common.now(ctx);
        boolean dryRun = common.dryRun(ctx.actions());
        if (target.env().schedule() == null) {
            ScalingOutput.publish(ctx, new ScalingRun("schedule", target, Optional.empty(), Optional.empty(), target.savings(at),
                    "environment " + target.env().name() + " has no schedule; nothing to do", dryRun), common.json());
            return ExitCode.OK;
        }
        try (AwsClients aws = AwsClients.forEnvironment(target.spec(), target.env().name(), ctx, common)) {
            aws.requireAccount();
            ScheduleReconciler.Outcome outcome = new ScheduleReconciler(target.scaler(aws))
                    .reconcile(target.env(), target.services(), at, dryRun,
                            () -> LeaseStep.take(aws, ctx, target.env(), "schedule", java.time.Duration.ZERO, false));
            ScalingReport report = outcome.report().orElseThrow();
            String headline = "at " + at + " (" + at.atZone(target.zone()).toLocalDateTime() + " " + target.zone().getId() + ") "
                    + target.env().name() + " should be " + (outcome.shouldRun() ? "running" : "stopped") + ": "
                    + (report.changed().isEmpty() ? "nothing to change"
                            : (dryRun ? "would " : "") + (outcome.shouldRun() ? "start " : "stop ") + report.changed().size()
                                    + " of " + target.services().size() + " services");
            ScalingOutput.publish(ctx, new ScalingRun("schedule", target, outcome.report(), outcome.next(), target.savings(at),
                    headline, dryRun), common.json());
            ScalingOutput.track(ctx, target, report, tracker, at);
            return report.failed().isEmpty() ? ExitCode.OK : ExitCode.FAILURE;
        }
    }
}
