package dev.driftless.aws;

import dev.driftless.engine.ServiceScaling;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Tag;

/** {@link ServiceScaling} over ECS UpdateService, TagResource and UntagResource. */
public final class EcsServiceScaling implements ServiceScaling {
    private final EcsClient ecs;

    public EcsServiceScaling(EcsClient ecs) {
        this.ecs = ecs;
    }

    @Override
    public void setDesiredCount(String cluster, String service, int desiredCount) {
        try {
            ecs.updateService(b -> b.cluster(cluster).service(service).desiredCount(desiredCount));
        } catch (SdkException e) {
            throw AwsFailures.translate(e, "ecs:UpdateService",
                    "setting desiredCount " + desiredCount + " on service " + service + " in cluster " + cluster);
        }
    }

    @Override
    public void setCapacity(String cluster, String service, List<dev.driftless.plan.ServiceSettings.CapacityItem> strategy) {
        try {
            // ECS takes a new capacity provider strategy only with a new deployment
            ecs.updateService(b -> b.cluster(cluster).service(service).capacityProviderStrategy(EcsShapes.capacity(strategy))
                    .forceNewDeployment(true));
        } catch (SdkException e) {
            throw AwsFailures.translate(e, "ecs:UpdateService",
                    "setting the capacity provider strategy of service " + service + " in cluster " + cluster);
        }
    }

    @Override
    public void tag(String serviceArn, Map<String, String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        List<Tag> sdkTags = tags.entrySet().stream().map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList();
        try {
            ecs.tagResource(b -> b.resourceArn(serviceArn).tags(sdkTags));
        } catch (SdkException e) {
            throw AwsFailures.translate(e, "ecs:TagResource", "tagging " + serviceArn);
        }
    }

    @Override
    public void untag(String serviceArn, Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        try {
            ecs.untagResource(b -> b.resourceArn(serviceArn).tagKeys(keys));
        } catch (SdkException e) {
            throw AwsFailures.translate(e, "ecs:UntagResource", "untagging " + serviceArn);
        }
    }
}
