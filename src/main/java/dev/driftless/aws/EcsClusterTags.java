package dev.driftless.aws;

import dev.driftless.engine.ClusterTags;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterField;

/** {@link ClusterTags} over ECS: DescribeClusters (with tags) for the ARN and the tags, TagResource, UntagResource. */
public final class EcsClusterTags implements ClusterTags {
    private final EcsClient ecs;
    private String arn;

    public EcsClusterTags(EcsClient ecs) {
        this.ecs = ecs;
    }

    @Override
    public Map<String, String> read(String cluster) {
        try {
            var found = ecs.describeClusters(r -> r.clusters(cluster).include(ClusterField.TAGS)).clusters();
            if (found.isEmpty()) {
                return Map.of();
            }
            arn = found.get(0).clusterArn();
            return EcsShapes.tagMap(found.get(0).tags());
        } catch (SdkException e) {
            throw AwsFailures.translate(e, "ecs:DescribeClusters", "reading the lease on cluster " + cluster);
        }
    }

    @Override
    public void write(String cluster, Map<String, String> tags) {
        try {
            ecs.tagResource(r -> r.resourceArn(arn(cluster)).tags(EcsShapes.tags(tags)));
        } catch (SdkException e) {
            throw AwsFailures.translate(e, "ecs:TagResource", "taking the lease on cluster " + cluster);
        }
    }

    @Override
    public void remove(String cluster, Set<String> keys) {
        try {
            ecs.untagResource(r -> r.resourceArn(arn(cluster)).tagKeys(keys));
        } catch (SdkException e) {
            throw AwsFailures.translate(e, "ecs:UntagResource", "releasing the lease on cluster " + cluster);
        }
    }

    private String arn(String cluster) {
        if (arn == null) {
            read(cluster);
        }
        if (arn == null) {
            throw new dev.driftless.DriftlessException("cluster " + cluster + " does not exist",
                    "create the cluster (or check the environment's `cluster` in the spec)");
        }
        return arn;
    }
}
