package dev.driftless.cli;

import dev.driftless.DriftlessException;
import dev.driftless.aws.AwsClients;
import dev.driftless.engine.DeployOptions;
import dev.driftless.engine.DeployPlanner;
import dev.driftless.engine.DeployReport;
import dev.driftless.engine.ImageSelection;
import dev.driftless.engine.ServiceStep;
import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.EnvironmentSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code deploy}: converge an environment's services to the spec — register changed task definitions,
 * create or update services, wait for the rollouts, roll back what fails.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Apply the plan: register changed task definitions, create or update services, wait until "
                + "they are stable (showing events and stopped tasks' reasons), roll back automatically on failure.")
public final class DeployCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    TrackerOptions tracker;

    @Option(names = "--image-tag", paramLabel = "TAG", description = "Deploy this image tag for every service "
            + "(default: the commit SHA in Actions; locally, the images that run now).")
    String imageTag;

    @Option(names = "--images", paramLabel = "JSON",
            description = "Service → image URI@digest, as the build step's `images` output; other services keep their image.")
    String images;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to wait for stable services (default: the environment's timeout, else deploy.timeout, else 30m).")
    Duration timeout;

    @Option(names = "--no-rollback", description = "Leave a failed service as ECS left it instead of rolling it back.")
    boolean noRollback;

    @Option(names = "--force", description = "Deploy even while another deployment of a service is in progress, "
            + "taking over the environment's lease from another run.")
    boolean force;

    @Option(names = "--resume", description = "Deploy services a rollback paused, even with an unchanged spec and image.")
    boolean resume;

    // the running command line, so a usage error goes to the same err stream and names the full command
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec command;

    private final CommandContext ctx;

    public DeployCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        DeploySpec spec = Specs.single(Specs.load(common, ctx), common);
        EnvironmentSpec env = Specs.environment(spec, common, ctx);
        List<String> services = common.services(ctx.actions()).isEmpty() ? List.of()
                : List.copyOf(Specs.services(spec, env, common, ctx).keySet());
        ImageSelection selection = imageSelection();
        DeployPlanner.check(spec, env.name(), services, selection);
        Duration wait = timeout(spec, env);
        boolean dryRun = common.dryRun(ctx.actions());
        DeployOptions options = new DeployOptions(wait, dryRun,
                !(noRollback || ctx.actions().booleanInput("no-rollback").orElse(false)),
                force || ctx.actions().booleanInput("force").orElse(false), spec.deploy().retain(),
                ctx.actions().context().sha());
        boolean resuming = resume || ctx.actions().booleanInput("resume").orElse(false);

        DeployReport report;
        try (AwsClients aws = AwsClients.forEnvironment(spec, env.name(), ctx, common)) {
            EcsDeployParts parts = EcsDeployParts.of(aws, ctx);
            List<ServiceStep> steps = new DeployPlanner(spec, parts.reader(), ctx.clock()).plan(env.name(), services, selection, resuming);
            // planning only read; the guard runs before the first change, from a service ARN it read when it can
            aws.requireAccount(steps.stream().map(ServiceStep::live).filter(java.util.Objects::nonNull)
                    .map(dev.driftless.plan.LiveService::arn).filter(java.util.Objects::nonNull).findFirst().orElse(null));
            ctx.err().println((dryRun ? "dry run: " : "") + "deploying " + spec.name() + " to " + env.name() + " ("
                    + env.cluster() + "), waiting up to " + dev.driftless.spec.Durations.format(wait));
            Optional<DeployNotifications> github = DeployNotifications.of(ctx, dryRun);
            github.ifPresent(n -> n.started("Deploy", spec, env));
            String runId = ctx.actions().context().runId();
            dev.driftless.engine.OneOffRun tasks = new dev.driftless.engine.OneOffRun(parts.reader(), parts.taskDefinitions(),
                    new dev.driftless.aws.EcsTaskRunner(aws.ecs()), aws.logs(), ctx.clock(), ctx.sleeper(), new StepProgress(ctx));
            dev.driftless.engine.BeforeTasks before = new dev.driftless.engine.BeforeTasks(parts.deployer(), tasks, new StepProgress(ctx));
            String startedBy = "driftless" + (runId == null ? "" : "/" + runId);
            boolean writes = steps.stream().anyMatch(s -> s.kind() != ServiceStep.Kind.UNCHANGED
                    && s.kind() != ServiceStep.Kind.PINNED);
            if (dryRun || !writes) {
                report = before.deploy(spec, env.name(), env.cluster(), steps, options, selection, startedBy);
            } else {
                try (var lease = LeaseStep.take(aws, ctx, env, "deploy", wait, options.force())) {
                    report = before.deploy(spec, env.name(), env.cluster(), steps, options, selection, startedBy);
                }
            }
            DeployReport done = report;
            github.ifPresent(n -> n.finished("Deploy", spec, env, done));
        }
        DeployResults.publish("Deploy", spec, report, ctx, common.json());
        DeployTracking.deployed(spec, env, report, ctx.actions().context().sha(), ctx.clock().instant())
                .ifPresent(o -> new TrackerStep(ctx).record(spec, o, tracker, dryRun));
        return report.ok() ? ExitCode.OK : ExitCode.FAILURE;
    }

    private ImageSelection imageSelection() {
        String json = ImagesOption.given(images, ctx);
        if (imageTag != null) {
            ImageTagOption.parse(imageTag, command.commandLine());
        }
        String tag = imageTag != null ? imageTag : ctx.actions().input("image-tag").orElse(null);
        if (json != null) {
            Map<String, String> byService = ImagesOption.parse(json, command.commandLine());
            if (tag != null && !tag.isBlank()) {
                throw new DriftlessException("both --images and --image-tag given", "pass one of them");
            }
            return new ImageSelection(byService, null);
        }
        if (tag != null && !tag.isBlank()) {
            return new ImageSelection(Map.of(), tag);
        }
        String sha = ctx.actions().context().sha();
        return sha == null ? ImageSelection.keepLive() : new ImageSelection(Map.of(), sha);
    }

    private Duration timeout(DeploySpec spec, EnvironmentSpec env) {
        if (timeout != null) {
            return timeout;
        }
        return ctx.actions().input("timeout").map(v -> DurationConverter.input("timeout", v))
                .orElse(env.timeout() != null ? env.timeout() : spec.deploy().timeout());
    }
}
