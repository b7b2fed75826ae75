package dev.driftless.aws;

import dev.driftless.engine.ClusterServices;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;

/** {@link ClusterServices} over ECS ListServices. */
public final class EcsClusterServices implements ClusterServices {
    private final EcsClient ecs;

    public EcsClusterServices(EcsClient ecs) {
        this.ecs = ecs;
    }

    @Override
    public List<String> names(String cluster) {
        try {
            return ecs.listServicesPaginator(b -> b.cluster(cluster)).serviceArns().stream()
                    .map(arn -> arn.substring(arn.lastIndexOf('/') + 1))
                    .sorted()
                    .toList();
        } catch (SdkException e) {
            throw AwsFailures.translate(e, "ecs:ListServices", "listing the services of cluster " + cluster);
        }
    }
}
