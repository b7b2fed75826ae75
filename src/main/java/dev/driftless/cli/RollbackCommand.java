package dev.driftless.cli;

import dev.driftless.aws.AwsClients;
import dev.driftless.engine.DeployReport;
import dev.driftless.engine.RollbackTarget;
import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.Durations;
import dev.driftless.spec.EnvironmentSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rollback}: put services back on a revision from their history, wait until stable, and keep them
 * there: a later deploy that does not change their spec or image leaves them alone.
 */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Roll services back to the previous revision or a named one (revision:N, sha:GITSHA, "
                + "image:TAG), wait until stable; auto-deploy of those services pauses until a new image or deploy --resume.")
public final class RollbackCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    TrackerOptions tracker;

    @Option(names = "--force", description = "Take over the environment's lease from another run that holds it.")
    boolean force;

    @Option(names = "--to", paramLabel = "TARGET",
            description = "previous | revision:N | sha:GITSHA | image:TAG (input `to`; default previous).")
    String to;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to wait for stable services (default: the environment's timeout, else deploy.timeout, else 30m).")
    Duration timeout;

    @Spec
    CommandLine.Model.CommandSpec command;

    private final CommandContext ctx;

    public RollbackCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        String value = to != null ? to : ctx.actions().input("to").orElse("previous");
        RollbackTarget target = RollbackTarget.parse(value);
        if (target == null) {
            throw new CommandLine.ParameterException(command.commandLine(), "--to '" + value
                    + "' is not previous, revision:N, sha:GITSHA (7 to 40 hex digits) or image:TAG");
        }
        DeploySpec spec = Specs.single(Specs.load(common, ctx), common);
        EnvironmentSpec env = Specs.environment(spec, common, ctx);
        List<String> services = List.copyOf(Specs.services(spec, env, common, ctx).keySet());
        Duration wait = timeout != null ? timeout : ctx.actions().input("timeout").map(v -> DurationConverter.input("timeout", v))
                .orElse(env.timeout() != null ? env.timeout() : spec.deploy().timeout());
        boolean dryRun = common.dryRun(ctx.actions());
        DeployReport report;
        try (AwsClients aws = AwsClients.forEnvironment(spec, env.name(), ctx, common)) {
            aws.requireAccount();
            ctx.err().println((dryRun ? "dry run: " : "") + "rolling back " + String.join(", ", services) + " in "
                    + env.name() + " to " + target + ", waiting up to " + Durations.format(wait));
            Optional<DeployNotifications> github = DeployNotifications.of(ctx, dryRun);
            github.ifPresent(n -> n.started("Rollback", spec, env));
            boolean takeOver = force || ctx.actions().booleanInput("force").orElse(false);
            report = EcsDeployParts.of(aws, ctx).rollback().run(env.name(), env.cluster(), services, target, dryRun, wait,
                    () -> LeaseStep.take(aws, ctx, env, "rollback", wait, takeOver));
            DeployReport done = report;
            github.ifPresent(n -> n.finished("Rollback", spec, env, done));
        }
        DeployResults.publish("Rollback", spec, report, ctx, common.json());
        DeployTracking.rolledBack(spec, env, report, value, ctx.actions().context().sha(), ctx.clock().instant())
                .ifPresent(o -> new TrackerStep(ctx).record(spec, o, tracker, dryRun));
        return report.ok() ? ExitCode.OK : ExitCode.FAILURE;
    }
}
