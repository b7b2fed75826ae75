package dev.driftless.cli;

import dev.driftless.DriftlessException;
import dev.driftless.aws.AwsClients;
import dev.driftless.aws.EcsTaskRunner;
import dev.driftless.engine.ImageSelection;
import dev.driftless.engine.OneOffRun;
import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.DidYouMean;
import dev.driftless.spec.EnvironmentSpec;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code driftless run --task NAME}: one of the spec's one-off tasks, to its end, with its exit code and log tail. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a one-off task (tasks.<name> in the spec, e.g. a migration) with its service's task definition, "
                + "network and capacity, wait for it to stop, and print the essential containers' exit code, the stopped "
                + "reason and the end of its log. Exit 0 only when every essential container exited 0; a task that outlives "
                + "its timeout is stopped and the run fails. Outputs: task-arn, exit-code.")
public final class RunCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--task", paramLabel = "NAME", description = "The task to run (a name under tasks: in the spec).")
    String task;

    @Option(names = "--image-tag", paramLabel = "TAG", description = "Run with this image tag (default: the commit SHA in "
            + "Actions; locally, the image the service runs now).")
    String imageTag;

    @Option(names = "--images", paramLabel = "JSON", description = "Service → image URI@digest, as the build step's `images` output.")
    String images;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec command;

    private final CommandContext ctx;

    public RunCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        DeploySpec spec = Specs.single(Specs.load(common, ctx), common);
        EnvironmentSpec env = Specs.environment(spec, common, ctx);
        String name = task != null ? task : ctx.actions().input("task").orElse(null);
        if (name == null || name.isBlank()) {
            throw new DriftlessException("no task given", spec.tasks().isEmpty()
                    ? "declare one under tasks: in " + spec.file() + " and pass --task NAME"
                    : "pass --task with one of: " + String.join(", ", spec.tasks().keySet()));
        }
        if (!spec.tasks().containsKey(name)) {
            throw new DriftlessException("no task '" + name + "' in " + spec.file() + DidYouMean.hint(name, spec.tasks().keySet()),
                    spec.tasks().isEmpty() ? "declare it under tasks:" : "the tasks are: " + String.join(", ", spec.tasks().keySet()));
        }
        ImageSelection selection = imageSelection();
        boolean dryRun = common.dryRun(ctx.actions());
        String runId = ctx.actions().context().runId();
        String startedBy = "driftless" + (runId == null ? "" : "/" + runId);
        OneOffRun.Result result;
        StepProgress progress = new StepProgress(ctx);
        try (AwsClients aws = AwsClients.forEnvironment(spec, env.name(), ctx, common)) {
            aws.requireAccount();
            EcsDeployParts parts = EcsDeployParts.of(aws, ctx);
            OneOffRun run = new OneOffRun(parts.reader(), new dev.driftless.aws.EcsTaskDefinitionStore(aws.ecs()),
                    new EcsTaskRunner(aws.ecs()), aws.logs(), ctx.clock(), ctx.sleeper(), progress);
            result = run.run(spec, env.name(), name, selection, dryRun, startedBy.length() > 36 ? startedBy.substring(0, 36) : startedBy);
        }
        return report(result);
    }

    private int report(OneOffRun.Result r) {
        if (r.dryRun()) {
            ctx.out().println("dry run: would run task " + r.task() + " of " + r.service()
                    + (r.registered() ? " with a new revision of its task definition" : " with " + r.taskDefinitionArn()));
            return ExitCode.OK;
        }
        ctx.actions().outputs().set("task-arn", r.taskArn());
        ctx.actions().outputs().set("exit-code", r.exitCode() == null ? "" : String.valueOf(r.exitCode()));
        if (!r.logTail().isEmpty()) {
            StepProgress progress = new StepProgress(ctx);
            progress.group("log tail of task " + r.task() + " (last " + r.logTail().size() + " lines)");
            r.logTail().forEach(line -> progress.line(dev.driftless.engine.TaskOutput.inert(line)));
            progress.endGroup();
        }
        String verdict = r.succeeded() ? "succeeded" : r.timedOut() ? "timed out" : "failed";
        ctx.out().println("task " + r.task() + " " + verdict + ": "
                + (r.exitCode() == null ? "no exit code" : "exit code " + r.exitCode())
                + (r.stoppedReason() == null || r.stoppedReason().isBlank() ? "" : " (" + r.stoppedReason() + ")")
                + " — " + r.taskArn());
        ctx.actions().summary().append("### Task " + r.task() + " " + verdict + "\n\n"
                + (r.exitCode() == null ? "no exit code" : "exit code " + r.exitCode())
                + (r.stoppedReason() == null || r.stoppedReason().isBlank() ? "" : " — " + r.stoppedReason()) + "\n");
        return r.succeeded() ? ExitCode.OK : ExitCode.FAILURE;
    }

    private ImageSelection imageSelection() {
        String json = ImagesOption.given(images, ctx);
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
}
