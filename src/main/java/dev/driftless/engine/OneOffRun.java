package dev.driftless.engine;

import dev.driftless.DriftlessException;
import dev.driftless.plan.DesiredService;
import dev.driftless.plan.TaskDefinition;
import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.OneOffTask;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one of the spec's one-off tasks ({@code tasks.<name>}) to its end: with the service's task definition
 * (registering the rendering first when it differs from what runs), the service's network and capacity, and
 * the task's command; waits for STOPPED with bounded polling, stops it at the timeout, and reads the main
 * container's log tail. Success means every essential container exited 0.
 */
public final class OneOffRun {
    static final Duration POLL = Duration.ofSeconds(6);
    static final int LOG_LINES = 50;

    private final LiveStateReader reader;
    private final TaskDefinitionStore taskDefinitions;
    private final TaskRunner tasks;
    private final LogTail logs;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Progress progress;

    public OneOffRun(LiveStateReader reader, TaskDefinitionStore taskDefinitions, TaskRunner tasks, LogTail logs,
            Clock clock, Sleeper sleeper, Progress progress) {
        this.reader = reader;
        this.taskDefinitions = taskDefinitions;
        this.tasks = tasks;
        this.logs = logs;
        this.clock = clock;
        this.sleeper = sleeper;
        this.progress = progress;
    }

    /**
     * @param taskArn null on a dry run
     * @param exitCode the first non-zero exit code of an essential container, else the main container's; null
     *                 when no container reported one (a timeout, or ECS could not start the task)
     * @param registered the task definition was registered for this run (the rendering differed from what runs)
     */
    public record Result(String task, String service, String taskDefinitionArn, boolean registered, String taskArn,
            Integer exitCode, String stoppedReason, boolean succeeded, boolean timedOut, List<String> logTail,
            boolean dryRun) {
        public Result {
            logTail = List.copyOf(logTail);
        }
    }

    /** Plans the task's service and runs the task with the definition that plan renders. */
    public Result run(DeploySpec spec, String environment, String name, ImageSelection images, boolean dryRun,
            String startedBy) {
        OneOffTask task = spec.tasks().get(name);
        if (task == null) {
            throw new DriftlessException("no task '" + name + "' in " + spec.file(),
                    spec.tasks().isEmpty() ? "declare it under tasks: (tasks." + name + ": {service: S, command: [...]})"
                            : "the tasks are: " + String.join(", ", spec.tasks().keySet()));
        }
        ServiceStep step = new DeployPlanner(spec, reader).plan(environment, List.of(task.service()), images, false).get(0);
        if (step.liveService().isEmpty()) {
            throw new DriftlessException("service " + task.service() + " does not run in " + environment
                    + " yet, and task " + name + " runs with its network and task definition",
                    "deploy the service first (tasks in deploy.before run after their service exists)");
        }
        DesiredService desired = step.desired();
        String arn = step.liveService().get().taskDefinitionArn();
        boolean register = step.taskDefinitionChanged();
        if (register && !dryRun) {
            Map<String, String> tags = new LinkedHashMap<>(desired.tags());
            tags.put("driftless:task", name);
            arn = taskDefinitions.register(desired.taskDefinition(), tags);
            progress.line("registered " + arn + " for task " + name);
        }
        return run(spec, environment, task, desired, arn, register, dryRun, startedBy);
    }

    /** Runs the task with a definition already chosen (deploy.before passes the revision it registered). */
    public Result run(DeploySpec spec, String environment, OneOffTask task, DesiredService desired,
            String taskDefinitionArn, boolean registered, boolean dryRun, String startedBy) {
        String cluster = desired.cluster();
        if (dryRun) {
            progress.line("would run task " + task.name() + " (" + String.join(" ", task.command()) + ") with "
                    + (registered ? "a new revision of " + desired.taskDefinition().family() : taskDefinitionArn));
            return new Result(task.name(), task.service(), registered ? null : taskDefinitionArn, registered, null, null,
                    null, true, false, List.of(), true);
        }
        Map<String, String> tags = new LinkedHashMap<>(spec.resourceTags(environment));
        tags.put("driftless:service", task.service());
        tags.put("driftless:task", task.name());
        String taskArn = tasks.run(new TaskRunner.Launch(cluster, taskDefinitionArn, desired.name(), task.command(),
                task.environment(), task.cpu(), task.memory(), desired.settings().network(),
                desired.settings().capacityProviderStrategy(), startedBy, tags));
        progress.line("started task " + task.name() + ": " + taskArn);
        Instant started = clock.instant();
        Instant deadline = started.plus(task.timeout());
        TaskRunner.State state = tasks.describe(cluster, taskArn);
        boolean timedOut = false;
        while (!state.stopped()) {
            if (!clock.instant().isBefore(deadline)) {
                timedOut = true;
                String reason = "driftless: task " + task.name() + " did not stop within " + dev.driftless.spec.Durations.format(task.timeout());
                progress.line("timed out after " + dev.driftless.spec.Durations.format(task.timeout()) + "; stopping " + taskArn);
                tasks.stop(cluster, taskArn, reason);
                state = new TaskRunner.State("STOPPED", reason, state.containers());
                break;
            }
            progress.line("task " + task.name() + ": " + state.lastStatus() + " ("
                    + dev.driftless.spec.Durations.format(Duration.between(started, clock.instant())) + ")");
            try {
                sleeper.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DriftlessException("interrupted while waiting for task " + taskArn);
            }
            state = tasks.describe(cluster, taskArn);
        }
        TaskDefinition td = desired.taskDefinition();
        Integer exit = null;
        boolean allZero = !timedOut;
        for (TaskDefinition.Container c : td.containers()) {
            if (!c.essential()) {
                continue;
            }
            Integer code = exitOf(state, c.name()).orElse(null);
            if (code == null || code != 0) {
                allZero = false;
                if (exit == null && code != null) {
                    exit = code;
                }
            }
        }
        if (exit == null) {
            exit = exitOf(state, desired.name()).orElse(null);
        }
        return new Result(task.name(), task.service(), taskDefinitionArn, registered, taskArn, exit, state.stoppedReason(),
                allZero, timedOut, tail(td, desired.name(), taskArn), false);
    }

    private static Optional<Integer> exitOf(TaskRunner.State state, String container) {
        return state.containers().stream().filter(c -> container.equals(c.name())).map(TaskRunner.ContainerExit::exitCode)
                .filter(java.util.Objects::nonNull).findFirst();
    }

    /** The main container's awslogs stream is {@code <prefix>/<container>/<task id>}. */
    private List<String> tail(TaskDefinition td, String container, String taskArn) {
        TaskDefinition.LogConfiguration log = td.container() == null ? null : td.container().logConfiguration();
        if (log == null || !"awslogs".equals(log.logDriver()) || log.options().get("awslogs-group") == null) {
            return List.of();
        }
        String prefix = log.options().get("awslogs-stream-prefix");
        String id = taskArn.substring(taskArn.lastIndexOf('/') + 1);
        String stream = (prefix == null ? "" : prefix + "/") + container + "/" + id;
        try {
            return logs.tail(log.options().get("awslogs-group"), stream, LOG_LINES);
        } catch (DriftlessException e) {
            progress.warning("could not read the task's logs: " + e.getMessage());
            return new ArrayList<>();
        }
    }
}
