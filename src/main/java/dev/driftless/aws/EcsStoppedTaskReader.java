package dev.driftless.aws;

import dev.driftless.engine.StoppedTask;
import dev.driftless.engine.StoppedTaskReader;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;

/** {@link StoppedTaskReader} over ECS: one ListTasks (desiredStatus=STOPPED) and one DescribeTasks. */
public final class EcsStoppedTaskReader implements StoppedTaskReader {
    /** ECS keeps stopped tasks about an hour; the newest few explain a failing rollout. */
    static final int NEWEST = 10;

    private final EcsClient ecs;

    public EcsStoppedTaskReader(EcsClient ecs) {
        this.ecs = ecs;
    }

    @Override
    public List<StoppedTask> stoppedTasks(String cluster, String service) {
        try {
            List<String> arns = ecs.listTasks(r -> r.cluster(cluster).serviceName(service)
                    .desiredStatus(DesiredStatus.STOPPED).maxResults(NEWEST)).taskArns();
            if (arns.isEmpty()) {
                return List.of();
            }
            return ecs.describeTasks(r -> r.cluster(cluster).tasks(arns)).tasks().stream()
                    .map(t -> new StoppedTask(t.taskArn(), t.taskDefinitionArn(), t.stoppedReason(),
                            t.containers().stream().map(EcsStoppedTaskReader::containerReason)
                                    .filter(s -> s != null).toList(), t.stoppedAt()))
                    .toList();
        } catch (SdkException e) {
            throw AwsFailures.translate(e, "ecs:ListTasks", "stopped tasks of service " + service + " in " + cluster);
        }
    }

    private static String containerReason(Container c) {
        if (c.reason() != null) {
            return c.name() + ": " + c.reason();
        }
        if (c.exitCode() != null && c.exitCode() != 0) {
            return c.name() + ": exit code " + c.exitCode();
        }
        return null;
    }
}
