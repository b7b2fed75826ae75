package dev.driftless.aws;

import dev.driftless.plan.Carried;
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
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
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
                                orDefault(l.containerPort(), 0)))
                        .toList(),
                cb != null && Boolean.TRUE.equals(cb.enable()),
                cb != null && Boolean.TRUE.equals(cb.rollback()),
                s.propagateTags() == null ? "NONE" : s.propagateTagsAsString());
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
