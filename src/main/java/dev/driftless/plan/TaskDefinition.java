package dev.driftless.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
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
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = Carried.NoneFilter.class) Carried carried) {

    public TaskDefinition {
        requiresCompatibilities = requiresCompatibilities == null ? List.of()
                : requiresCompatibilities.stream().sorted().toList();
        carried = carried == null ? Carried.NONE : carried;
    }

    /** A definition that carries nothing the spec does not model. */
    public TaskDefinition(String family, int cpu, int memory, String networkMode, List<String> requiresCompatibilities,
                          String cpuArchitecture, String operatingSystemFamily, String executionRoleArn,
                          String taskRoleArn, Container container) {
        this(family, cpu, memory, networkMode, requiresCompatibilities, cpuArchitecture, operatingSystemFamily,
                executionRoleArn, taskRoleArn, container, Carried.NONE);
    }

    /**
     * This definition with what {@code live} holds that this one does not model, so registering it keeps
     * those fields instead of dropping them; keys this definition already carries win.
     */
    public TaskDefinition carryingOver(Carried live) {
        return new TaskDefinition(family, cpu, memory, networkMode, requiresCompatibilities, cpuArchitecture,
                operatingSystemFamily, executionRoleArn, taskRoleArn, container, carried.over(live));
    }

    /** This definition with another compared container. */
    public TaskDefinition withContainer(Container other) {
        return new TaskDefinition(family, cpu, memory, networkMode, requiresCompatibilities, cpuArchitecture,
                operatingSystemFamily, executionRoleArn, taskRoleArn, other, carried);
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
            List<String> command) {

        public Container {
            portMappings = portMappings == null ? List.of()
                    : portMappings.stream().sorted(PortMapping.ORDER).toList();
            environment = sorted(environment);
            secrets = sorted(secrets);
            command = command == null ? List.of() : List.copyOf(command);
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
