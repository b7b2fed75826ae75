package dev.driftless.aws;

import dev.driftless.engine.ScalableTargets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.DescribeScalableTargetsResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.MetricType;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;

/** {@link ScalableTargets} over Application Auto Scaling's ECS namespace; resource ids are {@code service/CLUSTER/NAME}. */
public final class AppAutoScalingTargets implements ScalableTargets {
    /** DescribeScalableTargets accepts at most 50 resource ids per call. */
    private static final int IDS_PER_CALL = 50;

    private final ApplicationAutoScalingClient client;

    public AppAutoScalingTargets(ApplicationAutoScalingClient client) {
        this.client = client;
    }

    @Override
    public Map<String, ScalableTargets.ScalableTarget> describe(String cluster, List<String> services) {
        Map<String, ScalableTargets.ScalableTarget> found = new LinkedHashMap<>();
        for (int i = 0; i < services.size(); i += IDS_PER_CALL) {
            List<String> ids = services.subList(i, Math.min(services.size(), i + IDS_PER_CALL)).stream()
                    .map(s -> resourceId(cluster, s)).toList();
            String token = null;
            do {
                String next = token;
                DescribeScalableTargetsResponse page = call("application-autoscaling:DescribeScalableTargets", "cluster " + cluster,
                        () -> client.describeScalableTargets(b -> b.serviceNamespace(ServiceNamespace.ECS)
                                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                                .resourceIds(ids).nextToken(next)));
                for (software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget t : page.scalableTargets()) {
                    String service = serviceName(t.resourceId());
                    found.put(service, new ScalableTargets.ScalableTarget(service, t.minCapacity(), t.maxCapacity()));
                }
                token = page.nextToken();
            } while (token != null && !token.isEmpty());
        }
        return found;
    }

    @Override
    public void register(String cluster, String service, int min, int max) {
        call("application-autoscaling:RegisterScalableTarget", target(cluster, service),
                () -> client.registerScalableTarget(b -> b.serviceNamespace(ServiceNamespace.ECS)
                        .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                        .resourceId(resourceId(cluster, service)).minCapacity(min).maxCapacity(max)));
    }

    @Override
    public List<TargetTrackingPolicy> policies(String cluster, String service) {
        List<TargetTrackingPolicy> policies = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            var page = call("application-autoscaling:DescribeScalingPolicies", target(cluster, service),
                    () -> client.describeScalingPolicies(b -> b.serviceNamespace(ServiceNamespace.ECS)
                            .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                            .resourceId(resourceId(cluster, service)).nextToken(next)));
            for (ScalingPolicy p : page.scalingPolicies()) {
                var config = p.targetTrackingScalingPolicyConfiguration();
                if (p.policyType() == PolicyType.TARGET_TRACKING_SCALING && config != null
                        && config.predefinedMetricSpecification() != null) {
                    policies.add(new TargetTrackingPolicy(p.policyName(),
                            config.predefinedMetricSpecification().predefinedMetricTypeAsString(), config.targetValue()));
                }
            }
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return List.copyOf(policies);
    }

    @Override
    public void putTargetTracking(String cluster, String service, TargetTrackingPolicy policy) {
        call("application-autoscaling:PutScalingPolicy", target(cluster, service),
                () -> client.putScalingPolicy(b -> b.serviceNamespace(ServiceNamespace.ECS)
                        .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                        .resourceId(resourceId(cluster, service))
                        .policyName(policy.name())
                        .policyType(PolicyType.TARGET_TRACKING_SCALING)
                        .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(policy.targetValue())
                                .predefinedMetricSpecification(m -> m.predefinedMetricType(MetricType.fromValue(policy.metric()))))));
    }

    static String resourceId(String cluster, String service) {
        return "service/" + cluster + "/" + service;
    }

    private static String serviceName(String resourceId) {
        return resourceId.substring(resourceId.lastIndexOf('/') + 1);
    }

    private static String target(String cluster, String service) {
        return "service " + service + " in cluster " + cluster;
    }

    private static <T> T call(String iamAction, String target, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw SdkFailures.translate(e, iamAction, target);
        }
    }
}
