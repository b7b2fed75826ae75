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
import dev.driftless.spec.EcsFieldNames;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.ContainerDependency;
import software.amazon.awssdk.services.ecs.model.EFSVolumeConfiguration;
import software.amazon.awssdk.services.ecs.model.EphemeralStorage;
import software.amazon.awssdk.services.ecs.model.FirelensConfiguration;
import software.amazon.awssdk.services.ecs.model.LinuxParameters;
import software.amazon.awssdk.services.ecs.model.MountPoint;
import software.amazon.awssdk.services.ecs.model.Ulimit;
import software.amazon.awssdk.services.ecs.model.Volume;
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
        TaskDefinition typed = typed(td, containerName);
        Carried json = TaskDefinitionJson.read(SdkMaps.toMap(td), containerName).carried();
        // #15 types sidecars, volumes, storage and container settings and reads the rest into extra;
        // what is left of #16's carried keys is only what neither holds, so nothing is registered twice.
        java.util.Set<String> taskHeld = new java.util.HashSet<>(dev.driftless.spec.EcsFieldNames.TYPED_TASK.keySet());
        taskHeld.addAll(typed.extra().keySet());
        java.util.Set<String> containerHeld = new java.util.HashSet<>(dev.driftless.spec.EcsFieldNames.TYPED_CONTAINER.keySet());
        if (typed.container() != null) {
            containerHeld.addAll(typed.container().extra().keySet());
        }
        Map<String, Object> task = new TreeMap<>(json.task());
        task.keySet().removeAll(taskHeld);
        List<Map<String, Object>> volumeParts = CarriedParts.volumeParts(json.task().get("volumes"));
        if (!volumeParts.isEmpty()) {
            task.put("volumes", volumeParts);
        }
        containerHeld.removeAll(CarriedParts.MAIN_UNSAID);
        Map<String, Object> container = new TreeMap<>(json.container());
        container.keySet().removeAll(containerHeld);
        Map<String, Map<String, Object>> untypedParts = new TreeMap<>();
        TaskDefinitionJson.containers(SdkMaps.toMap(td)).forEach(c -> untypedParts.put(String.valueOf(c.get("name")), CarriedParts.untypedParts(c)));
        List<Map<String, Object>> sidecars = new ArrayList<>();
        if (typed.container() != null) {
            container.putAll(untypedParts.getOrDefault(typed.container().name(), Map.of()));
            untypedParts.remove(typed.container().name());
        }
        untypedParts.forEach((name, parts) -> {
            if (!parts.isEmpty()) {
                Map<String, Object> keys = new TreeMap<>(parts);
                keys.put("name", name);
                sidecars.add(keys);
            }
        });
        Carried carried = new Carried(new TreeMap<>(task), new TreeMap<>(container), sidecars);
        return new TaskDefinition(typed.family(), typed.cpu(), typed.memory(), typed.networkMode(),
                typed.requiresCompatibilities(), typed.cpuArchitecture(), typed.operatingSystemFamily(),
                typed.executionRoleArn(), typed.taskRoleArn(), CarriedParts.withoutUnsaid(typed.container()), typed.sidecars(),
                typed.ephemeralStorage(), typed.volumes(), typed.extra(), carried);
    }

    /**
     * A task definition in RegisterTaskDefinition's JSON shape (a {@code task-definition.json}, ecspresso's
     * {@code ecs-task-def.json}, what describe-task-definition prints) read exactly as a live one, so an init from
     * files and one from the cluster write the same spec.
     *
     * @throws IllegalArgumentException naming the key when a value has the wrong shape
     */
    public static TaskDefinition fromJson(Map<String, ?> raw, String containerName) {
        Map<String, Object> keys = new TreeMap<>(raw);
        keys.keySet().removeAll(TaskDefinitionJson.READ_ONLY);
        keys.values().removeIf(Objects::isNull);
        var builder = software.amazon.awssdk.services.ecs.model.TaskDefinition.builder();
        SdkMaps.set((SdkPojo) builder, keys, "the task definition");
        return toPlan(builder.build(), containerName);
    }

    private static TaskDefinition typed(software.amazon.awssdk.services.ecs.model.TaskDefinition td, String containerName) {
        List<ContainerDefinition> containers = td.containerDefinitions();
        ContainerDefinition c = containers.stream().filter(x -> Objects.equals(x.name(), containerName)).findFirst()
                .orElse(containers.isEmpty() ? null : containers.get(0));
        RuntimePlatform platform = td.runtimePlatform();
        return new TaskDefinition(
                td.family(),
                td.cpu() == null ? 0 : Units.cpuUnits(td.cpu()),
                td.memory() == null ? 0 : Units.memoryMiB(td.memory()),
                td.networkModeAsString(),
                td.requiresCompatibilitiesAsStrings(),
                platform == null || platform.cpuArchitectureAsString() == null ? "X86_64" : platform.cpuArchitectureAsString(),
                platform == null || platform.operatingSystemFamilyAsString() == null ? "LINUX" : platform.operatingSystemFamilyAsString(),
                td.executionRoleArn(),
                td.taskRoleArn(),
                c == null ? null : container(c),
                sidecars(containers, c),
                td.ephemeralStorage() == null ? null : td.ephemeralStorage().sizeInGiB(),
                td.volumes().stream().map(EcsShapes::volume).toList(),
                extraTask(td),
                Carried.NONE);
    }

    private static Map<String, TaskDefinition.Container> sidecars(List<ContainerDefinition> all, ContainerDefinition main) {
        Map<String, TaskDefinition.Container> out = new TreeMap<>();
        all.stream().filter(x -> x != main).forEach(x -> out.put(x.name(), container(x)));
        return out;
    }

    private static TaskDefinition.Volume volume(Volume v) {
        EFSVolumeConfiguration e = v.efsVolumeConfiguration();
        if (e == null) {
            return new TaskDefinition.Volume(v.name(), null);
        }
        var auth = e.authorizationConfig();
        return new TaskDefinition.Volume(v.name(), new TaskDefinition.Efs(e.fileSystemId(),
                auth != null && auth.accessPointId() != null ? null : e.rootDirectory(),
                auth == null ? null : auth.accessPointId(), e.transitEncryptionAsString(),
                auth == null ? null : auth.iamAsString()));
    }

    /**
     * Task fields driftless does not type, as plain values: those the spec's {@code extra} may hold. ECS
     * reports {@code enableFaultInjection: false} on definitions that never set it, so false is its absence.
     */
    private static Map<String, Object> extraTask(software.amazon.awssdk.services.ecs.model.TaskDefinition td) {
        List<String> untyped = EcsFieldNames.TASK_DEFINITION.stream()
                .filter(n -> !EcsFieldNames.TYPED_TASK.containsKey(n)).toList();
        RegisterTaskDefinitionRequest asRequest = RegisterTaskDefinitionRequest.builder()
                .placementConstraints(td.placementConstraints().stream().map(p ->
                        software.amazon.awssdk.services.ecs.model.TaskDefinitionPlacementConstraint.builder()
                                .type(p.typeAsString()).expression(p.expression()).build()).toList())
                .pidMode(td.pidModeAsString())
                .ipcMode(td.ipcModeAsString())
                .proxyConfiguration(td.proxyConfiguration())
                .inferenceAccelerators(td.inferenceAccelerators())
                .enableFaultInjection(Boolean.TRUE.equals(td.enableFaultInjection()) ? Boolean.TRUE : null)
                .build();
        Map<String, Object> out = SdkValues.read(asRequest, untyped);
        out.values().removeIf(v -> v instanceof List<?> l && l.isEmpty());
        return out;
    }

    private static Map<String, Object> extraContainer(ContainerDefinition c) {
        List<String> untyped = EcsFieldNames.CONTAINER.stream()
                .filter(n -> !EcsFieldNames.TYPED_CONTAINER.containsKey(n)).toList();
        Map<String, Object> out = SdkValues.read(c, untyped);
        out.values().removeIf(v -> (v instanceof List<?> l && l.isEmpty()) || (v instanceof Map<?, ?> m && m.isEmpty()));
        return out;
    }

    private static TaskDefinition.Container container(ContainerDefinition c) {
        Map<String, String> env = new TreeMap<>();
        c.environment().forEach(kv -> env.put(kv.name(), kv.value() == null ? "" : kv.value()));
        Map<String, String> secrets = new TreeMap<>();
        c.secrets().forEach(s -> secrets.put(s.name(), s.valueFrom()));
        LogConfiguration log = c.logConfiguration();
        HealthCheck hc = c.healthCheck();
        return new TaskDefinition.Container(
                c.name(),
                c.image(),
                c.essential() == null || c.essential(),
                c.portMappings().stream().filter(p -> p.containerPort() != null) // a containerPortRange is carried
                        .map(p -> new TaskDefinition.PortMapping(p.containerPort(),
                                p.protocolAsString() == null ? "tcp" : p.protocolAsString(), p.name(), p.appProtocolAsString())).toList(),
                new TreeMap<>(env),
                new TreeMap<>(secrets),
                log == null ? null : new TaskDefinition.LogConfiguration(log.logDriverAsString(), new TreeMap<>(log.options())),
                hc == null ? null : new TaskDefinition.ContainerHealthCheck(hc.command(),
                        orDefault(hc.interval(), 30), orDefault(hc.timeout(), 5), orDefault(hc.retries(), 3),
                        orDefault(hc.startPeriod(), 0)),
                c.command(),
                c.cpu() == null || c.cpu() == 0 ? null : c.cpu(),
                c.memory(),
                c.memoryReservation(),
                c.entryPoint(),
                c.dependsOn().stream().map(d -> new TaskDefinition.Dependency(d.containerName(), d.conditionAsString()))
                        .toList(),
                c.firelensConfiguration() == null ? null : new TaskDefinition.FirelensConfiguration(
                        c.firelensConfiguration().typeAsString(), c.firelensConfiguration().options()),
                c.mountPoints().stream().map(m -> new TaskDefinition.MountPoint(m.sourceVolume(), m.containerPath(),
                        Boolean.TRUE.equals(m.readOnly()))).toList(),
                c.readonlyRootFilesystem(),
                c.stopTimeout(),
                c.user(),
                c.ulimits().stream().map(u -> new TaskDefinition.Ulimit(u.nameAsString(), orDefault(u.softLimit(), 0),
                        orDefault(u.hardLimit(), 0))).toList(),
                c.linuxParameters() == null ? null : c.linuxParameters().initProcessEnabled(),
                new TreeMap<>(extraContainer(c)));
    }

    /** The RegisterTaskDefinition request for a rendering, with the tags to put on the revision. */
    public static RegisterTaskDefinitionRequest toRegisterRequest(TaskDefinition td, Map<String, String> tags) {
        Carried carried = td.carried();
        Map<String, Map<String, Object>> sidecarKeys = new TreeMap<>();
        carried.sidecars().forEach(x -> sidecarKeys.put(String.valueOf(x.get("name")), x));
        List<ContainerDefinition> containers = new ArrayList<>(td.containers().stream()
                .map(c -> containerDefinition(c, c == td.container() ? carried.container()
                        : sidecarKeys.getOrDefault(c.name(), Map.of()))).toList());
        java.util.Set<String> rendered = new java.util.HashSet<>();
        td.containers().forEach(c -> rendered.add(c.name()));
        for (Map<String, Object> sidecar : carried.sidecars()) {
            if (rendered.contains(String.valueOf(sidecar.get("name"))) || !sidecar.containsKey("image")) {
                continue; // keys of a container the rendering has (merged above), or of a sidecar the spec removed
            }
            ContainerDefinition.Builder b = ContainerDefinition.builder();
            SdkMaps.set((SdkPojo) b, sidecar, "container " + sidecar.get("name"));
            containers.add(b.build());
        }
        RegisterTaskDefinitionRequest.Builder request = RegisterTaskDefinitionRequest.builder()
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
                .tags(tags(tags));
        if (td.ephemeralStorage() != null) {
            request.ephemeralStorage(EphemeralStorage.builder().sizeInGiB(td.ephemeralStorage()).build());
        }
        Map<String, Map<?, ?>> volumeParts = new TreeMap<>();
        if (carried.task().get("volumes") instanceof List<?> parts) {
            parts.forEach(x -> {
                if (x instanceof Map<?, ?> m) {
                    volumeParts.put(String.valueOf(m.get("name")), m);
                }
            });
        }
        if (!td.volumes().isEmpty()) {
            // a carried volume part goes into the rendered volume of that name; one the spec removed goes with it
            request.volumes(td.volumes().stream().map(v -> {
                Volume typed = volume(v);
                Map<?, ?> part = volumeParts.get(v.name());
                if (part == null) {
                    return typed;
                }
                Volume.Builder b = Volume.builder();
                SdkMaps.set((SdkPojo) b, CarriedParts.merged(SdkMaps.toMap(typed), part), "volume " + v.name());
                return b.build();
            }).toList());
        }
        SdkValues.apply(request, td.extra());
        Map<String, Object> taskKeys = new TreeMap<>(carried.task());
        taskKeys.remove("volumes");
        SdkMaps.set((SdkPojo) request, taskKeys, "task definition " + td.family());
        return request.build();
    }

    private static Volume volume(TaskDefinition.Volume v) {
        Volume.Builder b = Volume.builder().name(v.name());
        if (v.efs() != null) {
            TaskDefinition.Efs e = v.efs();
            EFSVolumeConfiguration.Builder efs = EFSVolumeConfiguration.builder().fileSystemId(e.fileSystemId())
                    .transitEncryption(e.transitEncryption());
            if (e.accessPointId() != null || "ENABLED".equals(e.iam())) {
                efs.authorizationConfig(a -> a.accessPointId(e.accessPointId()).iam(e.iam()));
            }
            if (e.accessPointId() == null) {
                efs.rootDirectory(e.rootDirectory());
            }
            b.efsVolumeConfiguration(efs.build());
        }
        return b.build();
    }

    private static ContainerDefinition containerDefinition(TaskDefinition.Container c, Map<String, Object> carried) {
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
        container.cpu(c.cpu()).memory(c.memory()).memoryReservation(c.memoryReservation())
                .readonlyRootFilesystem(c.readonlyRootFilesystem()).stopTimeout(c.stopTimeout()).user(c.user());
        if (!c.entryPoint().isEmpty()) {
            container.entryPoint(c.entryPoint());
        }
        if (!c.dependsOn().isEmpty()) {
            container.dependsOn(c.dependsOn().stream().map(d -> ContainerDependency.builder()
                    .containerName(d.container()).condition(d.condition()).build()).toList());
        }
        if (c.firelens() != null) {
            FirelensConfiguration.Builder f = FirelensConfiguration.builder().type(c.firelens().type());
            if (!c.firelens().options().isEmpty()) {
                f.options(c.firelens().options());
            }
            container.firelensConfiguration(f.build());
        }
        if (!c.mountPoints().isEmpty()) {
            container.mountPoints(c.mountPoints().stream().map(m -> MountPoint.builder().sourceVolume(m.sourceVolume())
                    .containerPath(m.containerPath()).readOnly(m.readOnly()).build()).toList());
        }
        if (!c.ulimits().isEmpty()) {
            container.ulimits(c.ulimits().stream().map(u -> Ulimit.builder().name(u.name()).softLimit(u.softLimit())
                    .hardLimit(u.hardLimit()).build()).toList());
        }
        if (c.initProcessEnabled() != null) {
            container.linuxParameters(LinuxParameters.builder().initProcessEnabled(c.initProcessEnabled()).build());
        }
        SdkValues.apply(container, c.extra());
        SdkMaps.set((SdkPojo) container, CarriedParts.withTypedParts(carried, c), "container " + c.name());
        return container.build();
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
                strategy(s.deploymentConfiguration()),
                Boolean.TRUE.equals(s.enableExecuteCommand()));
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
