package dev.driftless.aws;

import dev.driftless.engine.ScalableTargets;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ObjectNotFoundException;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;

/** {@link ScalableTargets} over Application Auto Scaling's ECS namespace; resource ids are {@code service/CLUSTER/NAME}. */
public final class AppAutoScalingTargets implements ScalableTargets {
    private final Supplier<ApplicationAutoScalingClient> client;

    public AppAutoScalingTargets(ApplicationAutoScalingClient client) {
        this(() -> client);
    }

    /** Builds the client only when a scalable target is really written. */
    public AppAutoScalingTargets(Supplier<ApplicationAutoScalingClient> client) {
        this.client = client;
    }

    @Override
    public void register(String cluster, String service, int min, int max) {
        try {
            client.get().registerScalableTarget(b -> b.serviceNamespace(ServiceNamespace.ECS)
                    .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                    .resourceId(resourceId(cluster, service)).minCapacity(min).maxCapacity(max));
        } catch (SdkException e) {
            throw AwsFailures.translate(e, "application-autoscaling:RegisterScalableTarget",
                    "setting the scalable target of service " + service + " in cluster " + cluster + " to " + min + "-" + max);
        }
    }

    @Override
    public void deregister(String cluster, String service) {
        try {
            client.get().deregisterScalableTarget(b -> b.serviceNamespace(ServiceNamespace.ECS)
                    .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                    .resourceId(resourceId(cluster, service)));
        } catch (ObjectNotFoundException e) {
            // already gone (removed by hand): the spec's "no autoscaling" holds
        } catch (SdkException e) {
            throw AwsFailures.translate(e, "application-autoscaling:DeregisterScalableTarget",
                    "removing the scalable target of service " + service + " in cluster " + cluster);
        }
    }

    @Override
    public void deletePolicy(String cluster, String service, String policyName) {
        try {
            client.get().deleteScalingPolicy(b -> b.serviceNamespace(ServiceNamespace.ECS)
                    .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                    .resourceId(resourceId(cluster, service)).policyName(policyName));
        } catch (ObjectNotFoundException e) {
            // removed by hand already: what the spec asks for holds
        } catch (SdkException e) {
            throw AwsFailures.translate(e, "application-autoscaling:DeleteScalingPolicy",
                    "deleting scaling policy " + policyName + " of service " + service + " in cluster " + cluster);
        }
    }

    @Override
    public void putTargetTracking(String cluster, String service, TargetTrackingPolicy policy) {
        try {
            client.get().putScalingPolicy(b -> b.serviceNamespace(ServiceNamespace.ECS)
                    .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                    .resourceId(resourceId(cluster, service))
                    .policyName(policy.name())
                    .policyType(PolicyType.TARGET_TRACKING_SCALING)
                    .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(policy.targetValue())
                            .predefinedMetricSpecification(m -> m.predefinedMetricType(policy.metric()))));
        } catch (SdkException e) {
            throw AwsFailures.translate(e, "application-autoscaling:PutScalingPolicy",
                    "putting scaling policy " + policy.name() + " on service " + service + " in cluster " + cluster);
        }
    }

    static String resourceId(String cluster, String service) {
        return "service/" + cluster + "/" + service;
    }
}
