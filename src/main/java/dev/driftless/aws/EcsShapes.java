package dev.driftless.aws;

import dev.driftless.plan.Carried;
import dev.driftless.plan.DeploymentStrategy;
import dev.driftless.plan.TaskDefinitionJson;
import java.util.ArrayList;
import software.amazon.awssdk.core.SdkPojo;
import dev.driftless.plan.LiveService;
import dev.driftless.plan.ServiceSettings;
import dev.driftless.plan.TaskDefinition;
import dev.driftless.plan.Units;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awssdk.services.ecs.model.AdvancedConfiguration;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.CanaryConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentAlarms;
import software.amazon.awssdk.services.ecs.model.DeploymentCircuitBreaker;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHook;
import software.amazon.awssdk.services.ecs.model.LinearConfiguration;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.HealthCheck;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LogConfiguration;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.RuntimePlatform;
import software.amazon.awssdk.services.ecs.model.Secret;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceEvent;
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * Converts between ECS SDK shapes and driftless's own records, both ways. Reading drops what ECS
 * fills in or owns (revision, status, registeredAt, compatibilities, requiresAttributes, hostPort,
 * empty lists) and fills the defaults ECS applies, so a definition registered from a rendering reads
 * back equal to it.
 */
public final class EcsShapes {
    /** ECS keeps 100 events per service; a plan or a wait needs the newest few. */
    static final int EVENTS_KEPT = 10;

    private EcsShapes() {
    }

    /**
     * A live task definition as driftless compares it; {@code containerName} picks the container when there are
     * several. What the spec does not model is kept in {@link dev.driftless.plan.Carried}, so a deploy registers it again.
     */
    public static TaskDefinition toPlan(software.amazon.awssdk.services.ecs.model.TaskDefinition td, String containerName) {
        return TaskDefinitionJson.read(SdkMaps.toMap(td), containerName);
    }

    /** The RegisterTaskDefinition request for a rendering, with the tags to put on the revision. */
    public static RegisterTaskDefinitionRequest toRegisterRequest(TaskDefinition td, Map<String, String> tags) {
        TaskDefinition.Container c = td.container();
        ContainerDefinition.Builder container = ContainerDefinition.builder()
                .name(c.name())
                .image(c.image())
                .essential(c.essential())
                .portMappings(c.portMappings().stream()
                        .map(p -> PortMapping.builder().containerPort(p.containerPort()).protocol(p.protocol())
                                .name(p.name()).appProtocol(p.appProtocol()).build())
                        .toList())
                .environment(c.environment().entrySet().stream()
                        .map(e -> KeyValuePair.builder().name(e.getKey()).value(e.getValue()).build()).toList())
                .secrets(c.secrets().entrySet().stream()
                        .map(e -> Secret.builder().name(e.getKey()).valueFrom(e.getValue()).build()).toList());
        if (!c.command().isEmpty()) {
            container.command(c.command());
        }
        if (c.logConfiguration() != null) {
            container.logConfiguration(LogConfiguration.builder()
                    .logDriver(c.logConfiguration().logDriver()).options(c.logConfiguration().options()).build());
        }
        if (c.healthCheck() != null) {
            TaskDefinition.ContainerHealthCheck h = c.healthCheck();
            container.healthCheck(HealthCheck.builder().command(h.command()).interval(h.interval())
                    .timeout(h.timeout()).retries(h.retries()).startPeriod(h.startPeriod()).build());
        }
        Carried carried = td.carried();
        SdkMaps.set((SdkPojo) container, carried.container(), "container " + c.name());
        List<ContainerDefinition> containers = new ArrayList<>();
        containers.add(container.build());
        for (Map<String, Object> sidecar : carried.sidecars()) {
            ContainerDefinition.Builder b = ContainerDefinition.builder();
            SdkMaps.set((SdkPojo) b, sidecar, "container " + sidecar.get("name"));
            containers.add(b.build());
        }
        RegisterTaskDefinitionRequest.Builder request = RegisterTaskDefinitionRequest.builder();
        SdkMaps.set((SdkPojo) request, carried.task(), "task definition " + td.family());
        return request
                .family(td.family())
                .cpu(String.valueOf(td.cpu()))
                .memory(String.valueOf(td.memory()))
                .networkMode(NetworkMode.fromValue(td.networkMode()))
                .requiresCompatibilitiesWithStrings(td.requiresCompatibilities())
                .runtimePlatform(RuntimePlatform.builder().cpuArchitecture(td.cpuArchitecture())
                        .operatingSystemFamily(td.operatingSystemFamily()).build())
                .executionRoleArn(td.executionRoleArn())
                .taskRoleArn(td.taskRoleArn())
                .containerDefinitions(containers)
                .tags(tags(tags))
                .build();
    }

    /** A DescribeServices entry (described with include=TAGS) as a live record. */
    public static LiveService toLive(Service s) {
        List<LiveService.LiveDeployment> deployments = s.deployments().stream()
                .map(EcsShapes::deployment)
                .sorted(Comparator.comparing((LiveService.LiveDeployment d) -> !d.isPrimary()))
                .toList();
        return new LiveService(
                s.serviceName(),
                s.serviceArn(),
                s.status(),
                orDefault(s.desiredCount(), 0),
                orDefault(s.runningCount(), 0),
                orDefault(s.pendingCount(), 0),
                s.taskDefinition(),
                deployments,
                settings(s),
                tagMap(s.tags()),
                s.events().stream()
                        .sorted(Comparator.comparing(ServiceEvent::createdAt, Comparator.nullsLast(Comparator.reverseOrder())))
                        .limit(EVENTS_KEPT)
                        .map(e -> new LiveService.LiveEvent(e.id(), e.createdAt(), e.message()))
                        .toList());
    }

    private static ServiceSettings settings(Service s) {
        AwsVpcConfiguration vpc = s.networkConfiguration() == null ? null : s.networkConfiguration().awsvpcConfiguration();
        var cb = s.deploymentConfiguration() == null ? null : s.deploymentConfiguration().deploymentCircuitBreaker();
        List<ServiceSettings.CapacityItem> strategy = s.capacityProviderStrategy().stream()
                .map(EcsShapes::capacity).toList();
        if (strategy.isEmpty() && "FARGATE".equals(s.launchTypeAsString())) {
            // a service created with launchType FARGATE runs exactly like the FARGATE provider at weight 1
            strategy = List.of(new ServiceSettings.CapacityItem("FARGATE", 1, 0));
        }
        return new ServiceSettings(
                orDefault(s.desiredCount(), 0),
                strategy,
                vpc == null ? null : new ServiceSettings.NetworkSettings(vpc.subnets(), vpc.securityGroups(),
                        vpc.assignPublicIp() == AssignPublicIp.ENABLED),
                s.loadBalancers().stream()
                        .map(l -> new ServiceSettings.LoadBalancerBinding(l.targetGroupArn(), l.containerName(),
                                orDefault(l.containerPort(), 0), advanced(l.advancedConfiguration())))
                        .toList(),
                cb != null && Boolean.TRUE.equals(cb.enable()),
                cb != null && Boolean.TRUE.equals(cb.rollback()),
                s.propagateTags() == null ? "NONE" : s.propagateTagsAsString(),
                strategy(s.deploymentConfiguration()));
    }

    private static ServiceSettings.Advanced advanced(AdvancedConfiguration a) {
        return a == null || a.alternateTargetGroupArn() == null ? null : new ServiceSettings.Advanced(
                a.alternateTargetGroupArn(), a.productionListenerRule(), a.testListenerRule(), a.roleArn());
    }

    /** ECS's deploymentConfiguration as a strategy; null for plain rolling (no alarms, hooks or bake time). */
    static DeploymentStrategy strategy(DeploymentConfiguration c) {
        if (c == null) {
            return null;
        }
        DeploymentAlarms alarms = c.alarms();
        List<String> alarmNames = alarms != null && Boolean.TRUE.equals(alarms.enable()) ? alarms.alarmNames() : List.of();
        CanaryConfiguration canary = c.canaryConfiguration();
        LinearConfiguration linear = c.linearConfiguration();
        String name = c.strategyAsString() == null ? DeploymentStrategy.ROLLING : c.strategyAsString();
        DeploymentStrategy d = new DeploymentStrategy(name, c.bakeTimeInMinutes(),
                canary == null ? null : canary.canaryPercent(), canary == null ? null : canary.canaryBakeTimeInMinutes(),
                linear == null ? null : linear.stepPercent(), linear == null ? null : linear.stepBakeTimeInMinutes(),
                alarmNames,
                c.lifecycleHooks().stream().map(h -> new DeploymentStrategy.Hook(h.hookTargetArn(), h.roleArn(),
                        h.lifecycleStagesAsStrings())).toList());
        boolean plain = DeploymentStrategy.ROLLING.equals(name) && alarmNames.isEmpty() && d.hooks().isEmpty()
                && (c.bakeTimeInMinutes() == null || c.bakeTimeInMinutes() == 0);
        return plain ? null : d;
    }

    /**
     * The deploymentConfiguration for CreateService/UpdateService: the circuit breaker, and the strategy with
     * exactly the spec's parts (what it leaves out ECS fills in). Alarms are switched off explicitly when the
     * spec has none, so removing them from the spec removes them from the service.
     */
    public static DeploymentConfiguration deploymentConfiguration(ServiceSettings s) {
        DeploymentConfiguration.Builder b = DeploymentConfiguration.builder()
                .deploymentCircuitBreaker(DeploymentCircuitBreaker.builder()
                        .enable(s.circuitBreaker()).rollback(s.circuitBreakerRollback()).build());
        DeploymentStrategy d = s.deployment();
        if (d == null) {
            return b.build();
        }
        b.strategy(d.strategy());
        if (d.bakeTimeMinutes() != null) {
            b.bakeTimeInMinutes(d.bakeTimeMinutes());
        }
        if (d.canaryPercent() != null || d.canaryWaitMinutes() != null) {
            b.canaryConfiguration(CanaryConfiguration.builder().canaryPercent(d.canaryPercent())
                    .canaryBakeTimeInMinutes(d.canaryWaitMinutes()).build());
        }
        if (d.stepPercent() != null || d.stepWaitMinutes() != null) {
            b.linearConfiguration(LinearConfiguration.builder().stepPercent(d.stepPercent())
                    .stepBakeTimeInMinutes(d.stepWaitMinutes()).build());
        }
        b.alarms(DeploymentAlarms.builder().alarmNames(d.alarms()).enable(!d.alarms().isEmpty())
                .rollback(!d.alarms().isEmpty()).build());
        if (!d.hooks().isEmpty()) {
            b.lifecycleHooks(d.hooks().stream().map(h -> DeploymentLifecycleHook.builder().hookTargetArn(h.lambda())
                    .roleArn(h.role()).lifecycleStagesWithStrings(h.stages()).build()).toList());
        }
        return b.build();
    }

    /** The SDK load balancers, with the advanced configuration of a traffic-shifting strategy. */
    public static List<software.amazon.awssdk.services.ecs.model.LoadBalancer> loadBalancers(ServiceSettings s) {
        return s.loadBalancers().stream().map(l -> {
            var b = software.amazon.awssdk.services.ecs.model.LoadBalancer.builder()
                    .targetGroupArn(l.targetGroupArn()).containerName(l.containerName()).containerPort(l.containerPort());
            if (l.advanced() != null) {
                ServiceSettings.Advanced a = l.advanced();
                b.advancedConfiguration(AdvancedConfiguration.builder().alternateTargetGroupArn(a.alternateTargetGroupArn())
                        .productionListenerRule(a.productionListenerRule()).testListenerRule(a.testListenerRule())
                        .roleArn(a.roleArn()).build());
            }
            return b.build();
        }).toList();
    }

    private static ServiceSettings.CapacityItem capacity(CapacityProviderStrategyItem i) {
        return new ServiceSettings.CapacityItem(i.capacityProvider(), orDefault(i.weight(), 0), orDefault(i.base(), 0));
    }

    /** The SDK form of a capacity strategy, for CreateService/UpdateService. */
    public static List<CapacityProviderStrategyItem> capacity(List<ServiceSettings.CapacityItem> items) {
        return items.stream().map(i -> CapacityProviderStrategyItem.builder()
                .capacityProvider(i.provider()).weight(i.weight()).base(i.base()).build()).toList();
    }

    private static LiveService.LiveDeployment deployment(Deployment d) {
        return new LiveService.LiveDeployment(d.id(), d.status(), d.taskDefinition(), d.rolloutStateAsString(),
                d.rolloutStateReason(), orDefault(d.runningCount(), 0), orDefault(d.desiredCount(), 0),
                orDefault(d.pendingCount(), 0), orDefault(d.failedTasks(), 0), d.createdAt(), d.updatedAt());
    }

    public static List<Tag> tags(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }

    static Map<String, String> tagMap(List<Tag> tags) {
        Map<String, String> m = new LinkedHashMap<>();
        tags.forEach(t -> m.put(t.key(), t.value() == null ? "" : t.value()));
        return m;
    }

    private static int orDefault(Integer v, int d) {
        return v == null ? d : v;
    }
}
