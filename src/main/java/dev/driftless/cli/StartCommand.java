package dev.driftless.cli;

import dev.driftless.DriftlessException;
import dev.driftless.aws.AwsClients;
import dev.driftless.engine.EnvironmentScaler.Direction;
import dev.driftless.engine.ScalingReport;
import dev.driftless.engine.ScalingStep;
import dev.driftless.engine.StartWait;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code driftless start}: bring a stopped environment back exactly as it was (the off-hours wake-up). */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Start an environment's services: restore desiredCount and the autoscaling min/max saved by stop "
                + "(the spec's values where nothing was saved) and remove the saved tags.")
public final class StartCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    TrackerOptions tracker;

    @Option(names = "--wait", description = "Wait until the started services run their desiredCount (input 'wait').")
    boolean wait;

    private final CommandContext ctx;

    public StartCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ScalingTarget target = ScalingTarget.resolve(common, ctx);
        Instant now = common.now(ctx);
        boolean dryRun = common.dryRun(ctx.actions());
        boolean waitForStable = wait || ctx.actions().booleanInput("wait").orElse(false);
        try (AwsClients aws = AwsClients.forEnvironment(target.spec(), target.env().name(), ctx, common)) {
            aws.requireAccount();
            ScalingReport report = target.scaler(aws).scale(Direction.START, target.env().cluster(), target.services(), now, dryRun,
                    target.env().capacityFallbackFor(),
                    () -> LeaseStep.take(aws, ctx, target.env(), "start", waitForStable ? (target.env().timeout() != null ? target.env().timeout() : target.spec().deploy().timeout()) : Duration.ZERO, false));
            String headline = (dryRun ? "would start " : "started ") + report.changed().size() + " of "
                    + target.services().size() + " services in " + target.env().cluster();
            ScalingRun run = new ScalingRun("start", target, Optional.of(report), target.next(now), target.savings(now),
                    headline, dryRun);
            ScalingOutput.console(ctx, run);
            Optional<StartWait.Outcome> waited = Optional.empty();
            if (waitForStable && !dryRun && report.failed().isEmpty()) {
                List<String> started = report.changed().stream().map(ScalingStep::service).toList();
                Duration timeout = target.env().timeout() != null ? target.env().timeout() : target.spec().deploy().timeout();
                waited = Optional.of(new StartWait(ScalingTarget.reader(aws), ctx.clock(), ctx.sleeper(), new StepProgress(ctx))
                        .await(target.env().cluster(), started, timeout));
            }
            // the JSON and the summary come only now, so that after a wait they say how it ended
            ScalingOutput.results(ctx, waited.map(run::afterWait).orElse(run), common.json());
            ScalingOutput.track(ctx, target, report, tracker, now);
            if (!report.failed().isEmpty()) {
                return ExitCode.FAILURE;
            }
            if (waited.isPresent() && !waited.get().stable()) {
                throw new DriftlessException(waited.get().verdict(),
                        "look at the services' events and stopped tasks in the ECS console; the start itself was applied");
            }
            return ExitCode.OK;
        }
    }
}
