package dev.driftless.cli;

import dev.driftless.aws.AwsClients;
import dev.driftless.engine.EnvironmentScaler.Direction;
import dev.driftless.engine.ScalingReport;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code driftless stop}: scale an environment's services to zero now, saving what start restores. */
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Scale an environment's services to zero: save desiredCount and the autoscaling min/max in service tags, "
                + "lower the scalable target to 0-0, set desiredCount 0. Skips services tagged keep-running "
                + "(true, or until:<ISO instant>) and services mid-deployment.")
public final class StopCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    TrackerOptions tracker;

    private final CommandContext ctx;

    public StopCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ScalingTarget target = ScalingTarget.resolve(common, ctx);
        Instant now = common.now(ctx);
        boolean dryRun = common.dryRun(ctx.actions());
        try (AwsClients aws = AwsClients.forEnvironment(target.spec(), target.env().name(), ctx, common)) {
            aws.requireAccount();
            ScalingReport report = target.scaler(aws).scale(Direction.STOP, target.env().cluster(), target.services(), now, dryRun,
                    target.env().capacityFallbackFor(),
                    () -> LeaseStep.take(aws, ctx, target.env(), "stop", Duration.ZERO, false));
            String headline = (dryRun ? "would stop " : "stopped ") + report.changed().size() + " of "
                    + target.services().size() + " services in " + target.env().cluster();
            ScalingOutput.publish(ctx, new ScalingRun("stop", target, Optional.of(report), target.next(now), target.savings(now),
                    headline, dryRun), common.json());
            ScalingOutput.track(ctx, target, report, tracker, now);
            return report.failed().isEmpty() ? ExitCode.OK : ExitCode.FAILURE;
        }
    }
}
