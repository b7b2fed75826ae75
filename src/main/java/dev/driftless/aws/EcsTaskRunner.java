package dev.driftless.aws;

import dev.driftless.DriftlessException;
import dev.driftless.engine.TaskRunner;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskOverride;

/** RunTask, DescribeTasks and StopTask for one-off tasks. */
public final class EcsTaskRunner implements TaskRunner {
    private final EcsClient ecs;

    public EcsTaskRunner(EcsClient ecs) {
        this.ecs = ecs;
    }

    @Override
    public String run(Launch l) {
        ContainerOverride.Builder container = ContainerOverride.builder().name(l.container()).command(l.command());
        if (!l.environment().isEmpty()) {
            container.environment(l.environment().entrySet().stream()
                    .map(e -> KeyValuePair.builder().name(e.getKey()).value(e.getValue()).build()).toList());
        }
        TaskOverride.Builder overrides = TaskOverride.builder().containerOverrides(container.build());
        if (l.cpu() != null) {
            overrides.cpu(String.valueOf(l.cpu()));
        }
        if (l.memory() != null) {
            overrides.memory(String.valueOf(l.memory()));
        }
        RunTaskRequest.Builder b = RunTaskRequest.builder()
                .cluster(l.cluster())
                .taskDefinition(l.taskDefinitionArn())
                .count(1)
                .startedBy(l.startedBy())
                .overrides(overrides.build())
                .tags(EcsShapes.tags(l.tags()))
                .enableECSManagedTags(true)
                .propagateTags("TASK_DEFINITION");
        if (l.capacity().isEmpty()) {
            b.launchType("FARGATE");
        } else {
            b.capacityProviderStrategy(EcsShapes.capacity(l.capacity()));
        }
        if (l.network() != null) {
            b.networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets(l.network().subnets())
                    .securityGroups(l.network().securityGroups())
                    .assignPublicIp(l.network().assignPublicIp() ? AssignPublicIp.ENABLED : AssignPublicIp.DISABLED)));
        }
        RunTaskResponse r;
        try {
            r = ecs.runTask(b.build());
        } catch (SdkException e) {
            throw AwsFailures.translate(e, "ecs:RunTask", "task definition " + l.taskDefinitionArn() + " in " + l.cluster());
        }
        if (r.tasks().isEmpty()) {
            String why = r.failures().isEmpty() ? "no reason given"
                    : r.failures().get(0).reason() + (r.failures().get(0).detail() == null ? "" : " (" + r.failures().get(0).detail() + ")");
            throw new DriftlessException("ECS started no task for " + l.taskDefinitionArn() + " in " + l.cluster() + ": " + why,
                    "check the cluster's capacity providers and the service's subnets and security groups");
        }
        return r.tasks().get(0).taskArn();
    }

    @Override
    public State describe(String cluster, String taskArn) {
        List<Task> found;
        try {
            found = ecs.describeTasks(r -> r.cluster(cluster).tasks(taskArn)).tasks();
        } catch (SdkException e) {
            throw AwsFailures.translate(e, "ecs:DescribeTasks", "task " + taskArn + " in " + cluster);
        }
        if (found.isEmpty()) {
            // ECS forgets stopped tasks after about an hour; a task it no longer knows has stopped
            return new State("STOPPED", "ECS no longer knows the task", List.of());
        }
        Task t = found.get(0);
        return new State(t.lastStatus(), t.stoppedReason(), t.containers().stream()
                .map(c -> new ContainerExit(c.name(), c.exitCode(), c.reason())).toList());
    }

    @Override
    public void stop(String cluster, String taskArn, String reason) {
        try {
            ecs.stopTask(r -> r.cluster(cluster).task(taskArn).reason(reason.length() > 255 ? reason.substring(0, 255) : reason));
        } catch (SdkException e) {
            throw AwsFailures.translate(e, "ecs:StopTask", "task " + taskArn + " in " + cluster);
        }
    }
}
