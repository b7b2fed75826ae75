package dev.driftless.aws;

import dev.driftless.plan.DesiredService;
import dev.driftless.plan.ServiceTags;
import dev.driftless.plan.SpecHash;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.MetricType;
import software.amazon.awssdk.services.applicationautoscaling.model.PolicyType;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;

/**
 * Test fixture: puts services into moto exactly as rendered, the way a deploy leaves them (task
 * definition registered, service settings applied, driftless's tags set). moto drops the capacity
 * strategy and deployment configuration on create-service and checks subnets against its EC2, but
 * keeps all of them on update-service, so the fixture creates bare and then updates.
 */
public final class RenderedServices {
    private final EcsClient ecs;
    private final ApplicationAutoScalingClient scaling;

    public RenderedServices(MotoClients aws) {
        this.ecs = aws.ecs;
        this.scaling = aws.scaling;
    }

    /** Creates (or re-points) the service; returns the task definition ARN. */
    public String put(DesiredService d) {
        if (ecs.describeClusters(b -> b.clusters(d.cluster())).clusters().stream().noneMatch(c -> "ACTIVE".equals(c.status()))) {
            ecs.createCluster(b -> b.clusterName(d.cluster()));
        }
        String arn = ecs.registerTaskDefinition(EcsShapes.toRegisterRequest(d.taskDefinition(), d.tags()))
                .taskDefinition().taskDefinitionArn();
        boolean exists = ecs.describeServices(b -> b.cluster(d.cluster()).services(d.name())).services().stream()
                .anyMatch(s -> "ACTIVE".equals(s.status()));
        if (!exists) {
            ecs.createService(b -> b.cluster(d.cluster()).serviceName(d.name()).taskDefinition(arn)
                    .desiredCount(d.settings().desiredCount()));
        }
        var s = d.settings();
        ecs.updateService(b -> {
            b.cluster(d.cluster()).service(d.name()).taskDefinition(arn).desiredCount(s.desiredCount())
                    .capacityProviderStrategy(EcsShapes.capacity(s.capacityProviderStrategy()))
                    .deploymentConfiguration(c -> c.deploymentCircuitBreaker(cb -> cb.enable(s.circuitBreaker())
                            .rollback(s.circuitBreakerRollback())))
                    .propagateTags(s.propagateTags())
                    .loadBalancers(s.loadBalancers().stream().map(l -> software.amazon.awssdk.services.ecs.model.LoadBalancer.builder()
                            .targetGroupArn(l.targetGroupArn()).containerName(l.containerName()).containerPort(l.containerPort())
                            .build()).toList());
            if (s.network() != null) {
                b.networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets(s.network().subnets())
                        .securityGroups(s.network().securityGroups())
                        .assignPublicIp(s.network().assignPublicIp() ? AssignPublicIp.ENABLED : AssignPublicIp.DISABLED)));
            }
        });
        Map<String, String> tags = new LinkedHashMap<>(d.tags());
        tags.put(ServiceTags.SPEC_HASH, d.specHash());
        tags.put(ServiceTags.TASK_DEFINITION, arn);
        tags.put(ServiceTags.SETTINGS_HASH, SpecHash.of(s));
        tags.put(ServiceTags.DESIRED_COUNT, String.valueOf(s.desiredCount()));
        tags.put(ServiceTags.IMAGE, d.taskDefinition().image());
        tags.put(ServiceTags.AUTOSCALING, ServiceTags.autoscaling(d.autoscaling()));
        tags.put(ServiceTags.SCHEDULE, dev.driftless.plan.ScheduleText.tag(d.schedule()));
        if (d.autoscaling() != null) {
            autoscale(d);
        }
        String serviceArn = "arn:aws:ecs:us-west-2:123456789012:service/" + d.cluster() + "/" + d.name();
        ecs.tagResource(b -> b.resourceArn(serviceArn).tags(EcsShapes.tags(tags)));
        return arn;
    }

    private void autoscale(DesiredService d) {
        String id = "service/" + d.cluster() + "/" + d.name();
        var a = d.autoscaling();
        scaling.registerScalableTarget(b -> b.serviceNamespace(ServiceNamespace.ECS).resourceId(id)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT).minCapacity(a.min()).maxCapacity(a.max()));
        if (a.cpuPercent() != null) {
            policy(id, "cpu", a.cpuPercent(), MetricType.ECS_SERVICE_AVERAGE_CPU_UTILIZATION);
        }
        if (a.memoryPercent() != null) {
            policy(id, "memory", a.memoryPercent(), MetricType.ECS_SERVICE_AVERAGE_MEMORY_UTILIZATION);
        }
    }

    private void policy(String id, String name, int target, MetricType metric) {
        scaling.putScalingPolicy(b -> b.policyName(name).serviceNamespace(ServiceNamespace.ECS).resourceId(id)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT).policyType(PolicyType.TARGET_TRACKING_SCALING)
                .targetTrackingScalingPolicyConfiguration(c -> c.targetValue((double) target)
                        .predefinedMetricSpecification(m -> m.predefinedMetricType(metric))));
    }
}
