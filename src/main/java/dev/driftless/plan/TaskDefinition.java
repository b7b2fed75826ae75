package dev.driftless.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A Fargate task definition with one container, in the shape driftless compares: both the rendering of
 * a spec and a live definition read from ECS become one of these, so the diff compares like with like.
 * Fields ECS fills in or owns (revision, status, registeredAt, compatibilities, requiresAttributes) are
 * not part of it. Maps are sorted, so order never counts as a difference.
 *
 * @param cpu CPU units as ECS stores them ("256"), already normalised from "0.25 vCPU"
 * @param memory MiB, already normalised from "0.5 GB"
 * @param cpuArchitecture X86_64 or ARM64
 * @param container the main container, named after the service
 * @param sidecars the other containers by name (so their order never counts)
 * @param ephemeralStorage GiB; null for Fargate's free 20
 * @param volumes sorted by name
 * @param extra raw RegisterTaskDefinition fields, sorted by name
 *
 * <p>Components added after the first one-container shape are left out of the hash when empty, so a
 * definition that uses none of them hashes as it always did and deployed services do not look changed.
 */
public record TaskDefinition(
        String family,
        int cpu,
        int memory,
        String networkMode,
        List<String> requiresCompatibilities,
        String cpuArchitecture,
        String operatingSystemFamily,
        String executionRoleArn,
        String taskRoleArn,
        Container container,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Container> sidecars,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer ephemeralStorage,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Volume> volumes,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> extra,
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Carried.NoneFilter.class) Carried carried) {

    public TaskDefinition {
        requiresCompatibilities = requiresCompatibilities == null ? List.of()
                : requiresCompatibilities.stream().sorted().toList();
        sidecars = java.util.Collections.unmodifiableSortedMap(sidecars == null ? new TreeMap<>() : new TreeMap<>(sidecars));
        volumes = volumes == null ? List.of() : volumes.stream().sorted(Comparator.comparing(Volume::name)).toList();
        extra = java.util.Collections.unmodifiableSortedMap(extra == null ? new TreeMap<>() : new TreeMap<>(extra));
        carried = carried == null ? Carried.NONE : carried;
    }

    /** A one-container definition with no task settings beyond size and architecture. */
    public TaskDefinition(String family, int cpu, int memory, String networkMode, List<String> requiresCompatibilities,
            String cpuArchitecture, String operatingSystemFamily, String executionRoleArn, String taskRoleArn,
            Container container) {
        this(family, cpu, memory, networkMode, requiresCompatibilities, cpuArchitecture, operatingSystemFamily,
                executionRoleArn, taskRoleArn, container, null, null, null, null, Carried.NONE);
    }

    /** Every container, the main one first, then the sidecars by name. */
    public List<Container> containers() {
        List<Container> all = new java.util.ArrayList<>();
        if (container != null) {
            all.add(container);
        }
        all.addAll(sidecars.values());
        return List.copyOf(all);
    }

    /**
     * This definition with what {@code live} holds that this one does not model, so registering it keeps
     * those fields instead of dropping them; keys this definition already carries win.
     */
    public TaskDefinition carryingOver(Carried live) {
        return new TaskDefinition(family, cpu, memory, networkMode, requiresCompatibilities, cpuArchitecture,
                operatingSystemFamily, executionRoleArn, taskRoleArn, container, sidecars, ephemeralStorage, volumes, extra, carried.over(live));
    }

    /** This definition with another compared container. */
    public TaskDefinition withContainer(Container other) {
        return new TaskDefinition(family, cpu, memory, networkMode, requiresCompatibilities, cpuArchitecture,
                operatingSystemFamily, executionRoleArn, taskRoleArn, other, sidecars, ephemeralStorage, volumes, extra, carried);
    }

    /** This definition with other sidecars (by name). */
    public TaskDefinition withSidecars(Map<String, Container> others) {
        return new TaskDefinition(family, cpu, memory, networkMode, requiresCompatibilities, cpuArchitecture,
                operatingSystemFamily, executionRoleArn, taskRoleArn, container, others, ephemeralStorage, volumes, extra, carried);
    }

    /** The image URI of the one container. */
    public String image() {
        return container.image();
    }

    /**
     * The container.
     *
     * @param environment plain variables, sorted by name
     * @param secrets secret name to valueFrom (an SSM parameter or Secrets Manager ARN), sorted by name
     * @param command empty for the image's default command
     */
    public record Container(
            String name,
            String image,
            boolean essential,
            List<PortMapping> portMappings,
            Map<String, String> environment,
            Map<String, String> secrets,
            LogConfiguration logConfiguration,
            ContainerHealthCheck healthCheck,
            List<String> command,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer cpu,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer memory,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer memoryReservation,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> entryPoint,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Dependency> dependsOn,
            @JsonInclude(JsonInclude.Include.NON_NULL) FirelensConfiguration firelens,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<MountPoint> mountPoints,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean readonlyRootFilesystem,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer stopTimeout,
            @JsonInclude(JsonInclude.Include.NON_NULL) String user,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Ulimit> ulimits,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean initProcessEnabled,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> extra) {

        public Container {
            portMappings = portMappings == null ? List.of()
                    : portMappings.stream().sorted(PortMapping.ORDER).toList();
            environment = sorted(environment);
            secrets = sorted(secrets);
            command = command == null ? List.of() : List.copyOf(command);
            entryPoint = entryPoint == null ? List.of() : List.copyOf(entryPoint);
            dependsOn = dependsOn == null ? List.of()
                    : dependsOn.stream().sorted(Comparator.comparing(Dependency::container)).toList();
            mountPoints = mountPoints == null ? List.of() : mountPoints.stream()
                    .sorted(Comparator.comparing(MountPoint::containerPath)).toList();
            ulimits = ulimits == null ? List.of() : ulimits.stream().sorted(Comparator.comparing(Ulimit::name)).toList();
            extra = java.util.Collections.unmodifiableSortedMap(extra == null ? new TreeMap<>() : new TreeMap<>(extra));
        }

        /** This container with other secret references. */
        public Container withSecrets(Map<String, String> others) {
            return new Container(name, image, essential, portMappings, environment, others, logConfiguration, healthCheck,
                    command, cpu, memory, memoryReservation, entryPoint, dependsOn, firelens, mountPoints,
                    readonlyRootFilesystem, stopTimeout, user, ulimits, initProcessEnabled, extra);
        }

        /** The first one-container shape: essential main container, no sizes, no settings beyond these. */
        public Container(String name, String image, boolean essential, List<PortMapping> portMappings,
                Map<String, String> environment, Map<String, String> secrets, LogConfiguration logConfiguration,
                ContainerHealthCheck healthCheck, List<String> command) {
            this(name, image, essential, portMappings, environment, secrets, logConfiguration, healthCheck, command,
                    null, null, null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    /** A container this one waits for; condition START, COMPLETE, SUCCESS or HEALTHY. */
    public record Dependency(String container, String condition) {
    }

    /** FireLens router settings: fluentbit or fluentd, with options sorted. */
    public record FirelensConfiguration(String type, Map<String, String> options) {
        public FirelensConfiguration {
            options = sorted(options);
        }
    }

    public record MountPoint(String sourceVolume, String containerPath, boolean readOnly) {
    }

    public record Ulimit(String name, int softLimit, int hardLimit) {
    }

    /**
     * A task volume; {@code efs} null for a bind mount.
     */
    public record Volume(String name, @JsonInclude(JsonInclude.Include.NON_NULL) Efs efs) {
    }

    /** EFS settings; transitEncryption and iam as ECS stores them (ENABLED/DISABLED). */
    public record Efs(String fileSystemId, String rootDirectory, String accessPointId, String transitEncryption,
            String iam) {
        public Efs {
            rootDirectory = rootDirectory == null || rootDirectory.isEmpty() ? "/" : rootDirectory;
            transitEncryption = transitEncryption == null ? "DISABLED" : transitEncryption;
            iam = iam == null ? "DISABLED" : iam;
        }
    }

    /**
     * A container port; hostPort equals containerPort under awsvpc, so it is not kept.
     *
     * @param name the Service Connect name, or null
     * @param appProtocol http, http2 or grpc (Service Connect), or null
     */
    public record PortMapping(int containerPort, String protocol,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String name,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String appProtocol) {
        static final java.util.Comparator<PortMapping> ORDER =
                java.util.Comparator.comparingInt(PortMapping::containerPort).thenComparing(PortMapping::protocol);

        public PortMapping {
            protocol = protocol == null || protocol.isBlank() ? "tcp" : protocol.toLowerCase(java.util.Locale.ROOT);
            name = name == null || name.isBlank() ? null : name;
            appProtocol = appProtocol == null || appProtocol.isBlank() ? null : appProtocol.toLowerCase(java.util.Locale.ROOT);
        }

        public PortMapping(int containerPort, String protocol) {
            this(containerPort, protocol, null, null);
        }

        /** "8080/tcp", with the Service Connect name and protocol when set. */
        public String text() {
            return containerPort + "/" + protocol + (name == null ? "" : " name " + name)
                    + (appProtocol == null ? "" : " " + appProtocol);
        }
    }

    /** awslogs settings (options sorted). */
    public record LogConfiguration(String logDriver, Map<String, String> options) {
        public LogConfiguration {
            options = sorted(options);
        }
    }

    /** A container health check; intervals in seconds. */
    public record ContainerHealthCheck(List<String> command, int interval, int timeout, int retries, int startPeriod) {
        public ContainerHealthCheck {
            command = command == null ? List.of() : List.copyOf(command);
        }
    }

    static SortedMap<String, String> sorted(Map<String, String> map) {
        return java.util.Collections.unmodifiableSortedMap(map == null ? new TreeMap<>() : new TreeMap<>(map));
    }
}
