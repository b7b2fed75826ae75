package dev.driftless.aws;

import dev.driftless.engine.LiveStateReader;
import dev.driftless.plan.LiveEnvironment;
import dev.driftless.plan.LiveScaling;
import dev.driftless.plan.LiveService;
import dev.driftless.plan.TaskDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import java.util.function.Supplier;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.MetricType;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalingPolicy;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceField;

/**
 * {@link LiveStateReader} over ECS and Application Auto Scaling: DescribeServices in batches of 10 with
 * include=TAGS (one call for up to 10 services, tags included), DescribeTaskDefinition only when
 * asked, and the scaling targets and policies of a cluster in as few paged calls as AWS allows.
 */
public final class EcsLiveStateReader implements LiveStateReader {
    /** DescribeServices takes at most 10 services per call. */
    public static final int BATCH = 10;
    /** DescribeScalableTargets takes at most 50 resource ids per call. */
    private static final int SCALING_BATCH = 50;

    private final EcsClient ecs;
    private final Supplier<ApplicationAutoScalingClient> scaling;

    public EcsLiveStateReader(EcsClient ecs, ApplicationAutoScalingClient scaling) {
        this(ecs, () -> scaling);
    }

    /** Builds the Application Auto Scaling client only when a service's scaling is read (few deploys need it). */
    public EcsLiveStateReader(EcsClient ecs, Supplier<ApplicationAutoScalingClient> scaling) {
        this.ecs = ecs;
        this.scaling = scaling;
    }

    @Override
    public LiveEnvironment services(String cluster, List<String> names) {
        Map<String, Service> found = new HashMap<>();
        for (int i = 0; i < names.size(); i += BATCH) {
            List<String> batch = names.subList(i, Math.min(names.size(), i + BATCH));
            DescribeServicesResponse r;
            try {
                r = ecs.describeServices(b -> b.cluster(cluster).services(batch).include(ServiceField.TAGS));
            } catch (ClusterNotFoundException e) {
                return LiveEnvironment.noCluster(cluster, names);
            } catch (SdkException e) {
                throw AwsFailures.translate(e, "ecs:DescribeServices", "reading services of cluster " + cluster);
            }
            r.services().forEach(s -> found.put(s.serviceName(), s));
        }
        Map<String, LiveService> live = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            Service s = found.get(name);
            if (s == null || "INACTIVE".equals(s.status())) {
                missing.add(name);
            } else {
                live.put(name, EcsShapes.toLive(s));
            }
        }
        return new LiveEnvironment(cluster, true, live, missing);
    }

    @Override
    public Optional<TaskDefinition> taskDefinition(String arn, String containerName) {
        try {
            var td = ecs.describeTaskDefinition(b -> b.taskDefinition(arn)).taskDefinition();
            return Optional.of(EcsShapes.toPlan(td, containerName));
        } catch (ClientException e) {
            // ECS answers a missing definition with a ClientException ("Unable to describe task definition")
            if (e.statusCode() == 400 && e.getMessage() != null && e.getMessage().contains("describe task definition")) {
                return Optional.empty();
            }
            throw AwsFailures.translate(e, "ecs:DescribeTaskDefinition", "reading task definition " + arn);
        } catch (SdkException e) {
            throw AwsFailures.translate(e, "ecs:DescribeTaskDefinition", "reading task definition " + arn);
        }
    }

    @Override
    public Map<String, LiveScaling> scaling(String cluster, List<String> names) {
        Map<String, String> byResource = new LinkedHashMap<>();
        names.forEach(n -> byResource.put("service/" + cluster + "/" + n, n));
        List<String> ids = List.copyOf(byResource.keySet());
        Map<String, ScalableTarget> targets = new HashMap<>();
        try {
            for (int i = 0; i < ids.size(); i += SCALING_BATCH) {
                List<String> batch = ids.subList(i, Math.min(ids.size(), i + SCALING_BATCH));
                scaling.get().describeScalableTargetsPaginator(b -> b.serviceNamespace(ServiceNamespace.ECS)
                                .resourceIds(batch).scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT))
                        .scalableTargets().forEach(t -> targets.put(t.resourceId(), t));
            }
        } catch (SdkException e) {
            throw AwsFailures.translate(e, "application-autoscaling:DescribeScalableTargets", "reading scalable targets of cluster " + cluster);
        }
        if (targets.isEmpty()) {
            return Map.of();
        }
        Map<String, List<ScalingPolicy>> policies = new HashMap<>();
        try {
            // one listing for the namespace, filtered here: DescribePolicies takes one resource id per call
            scaling.get().describeScalingPoliciesPaginator(b -> b.serviceNamespace(ServiceNamespace.ECS))
                    .scalingPolicies().forEach(p -> policies.computeIfAbsent(p.resourceId(), k -> new ArrayList<>()).add(p));
        } catch (SdkException e) {
            throw AwsFailures.translate(e, "application-autoscaling:DescribeScalingPolicies", "reading scaling policies of cluster " + cluster);
        }
        Map<String, LiveScaling> result = new LinkedHashMap<>();
        byResource.forEach((id, name) -> {
            ScalableTarget t = targets.get(id);
            if (t != null) {
                List<ScalingPolicy> ps = policies.getOrDefault(id, List.of());
                result.put(name, new LiveScaling(t.minCapacity(), t.maxCapacity(),
                        target(ps, MetricType.ECS_SERVICE_AVERAGE_CPU_UTILIZATION),
                        target(ps, MetricType.ECS_SERVICE_AVERAGE_MEMORY_UTILIZATION)));
            }
        });
        return result;
    }

    private static Integer target(List<ScalingPolicy> policies, MetricType metric) {
        return policies.stream()
                .map(ScalingPolicy::targetTrackingScalingPolicyConfiguration)
                .filter(c -> c != null && c.predefinedMetricSpecification() != null
                        && c.predefinedMetricSpecification().predefinedMetricType() == metric)
                .map(c -> (int) Math.round(c.targetValue()))
                .findFirst().orElse(null);
    }
}
