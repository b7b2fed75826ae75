package dev.driftless.engine;

import dev.driftless.engine.ServiceResult.Outcome;
import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.OneOffTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code deploy.before}: the one-off tasks (migrations) a deploy runs, in order, with the revisions it is
 * about to roll out, before it changes any service. A task that fails stops the deploy there, with every
 * service still on its old revision, reported like any failed deploy.
 */
public final class BeforeTasks {
    private final Deployer deployer;
    private final OneOffRun runner;
    private final Progress progress;

    public BeforeTasks(Deployer deployer, OneOffRun runner, Progress progress) {
        this.deployer = deployer;
        this.runner = runner;
        this.progress = progress;
    }

    /**
     * Runs the spec's before-tasks when the deploy changes something, then the deploy itself; or, when a task
     * fails, a report in which every service that would have changed failed with the task's verdict.
     */
    public DeployReport deploy(DeploySpec spec, String environment, String cluster, List<ServiceStep> steps,
            DeployOptions options, ImageSelection images, String startedBy) {
        List<String> before = spec.deploy().before();
        boolean changes = steps.stream().anyMatch(ServiceStep::changes);
        if (before.isEmpty() || !changes) {
            return deployer.apply(environment, cluster, spec.resourceTags(environment), steps, options);
        }
        if (options.dryRun()) {
            before.forEach(name -> progress.line("dry run: would run task " + name + " ("
                    + String.join(" ", spec.tasks().get(name).command()) + ") before changing any service"));
            return deployer.apply(environment, cluster, spec.resourceTags(environment), steps, options);
        }
        List<String> services = before.stream().map(n -> spec.tasks().get(n).service()).distinct().toList();
        Map<String, String> registered = deployer.registerAhead(steps, services, spec.resourceTags(environment), options);
        for (String name : before) {
            OneOffTask task = spec.tasks().get(name);
            progress.group("before the deploy: task " + name);
            Optional<ServiceStep> step = steps.stream().filter(s -> s.service().equals(task.service())).findFirst();
            OneOffRun.Result r;
            if (step.isPresent()) {
                String arn = registered.getOrDefault(task.service(),
                        step.get().liveService().map(l -> l.taskDefinitionArn()).orElse(null));
                r = runner.run(spec, environment, task, step.get().desired(), arn, registered.containsKey(task.service()),
                        false, startedBy);
            } else {
                r = runner.run(spec, environment, name, images, false, startedBy);
            }
            r.logTail().forEach(line -> progress.line(TaskOutput.inert(line)));
            progress.endGroup();
            if (!r.succeeded()) {
                String why = "before-deploy task " + name + " " + (r.timedOut() ? "timed out" : "failed") + ": "
                        + (r.exitCode() == null ? "no exit code" : "exit code " + r.exitCode())
                        + (r.stoppedReason() == null || r.stoppedReason().isBlank() ? "" : " (" + r.stoppedReason() + ")")
                        + "; no service was changed";
                progress.line(why);
                return failed(environment, cluster, steps, registered, why);
            }
            progress.line("before-deploy task " + name + " succeeded (exit code " + r.exitCode() + ")");
        }
        return deployer.apply(environment, cluster, spec.resourceTags(environment), steps, options, registered);
    }

    private static DeployReport failed(String environment, String cluster, List<ServiceStep> steps,
            Map<String, String> registered, String why) {
        List<ServiceResult> results = new ArrayList<>();
        for (ServiceStep s : steps) {
            String live = s.liveService().map(l -> l.taskDefinitionArn()).orElse(null);
            results.add(s.changes()
                    ? new ServiceResult(s.service(), Outcome.FAILED, live, registered.get(s.service()), live,
                            s.desired().taskDefinition().image(), Duration.ZERO, List.of(why))
                    : new ServiceResult(s.service(), Outcome.UNCHANGED, live, null, null,
                            s.desired().taskDefinition().image(), Duration.ZERO, List.of()));
        }
        return new DeployReport(environment, cluster, false, results);
    }
}
