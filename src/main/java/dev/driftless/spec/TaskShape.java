package dev.driftless.spec;

import java.util.List;
import java.util.Map;

/**
 * How a service's task definition is named and wired where it differs from driftless's defaults — what a
 * service made outside driftless (console, Terraform, ecspresso, the aws-actions) keeps when it is adopted,
 * so adopting it registers nothing new.
 *
 * @param family the task-definition family; null for {@code <app>-<env>-<service>}
 * @param containerName the main container's name; null for the service's name
 * @param ports port mappings beyond {@code port} (and the load balancer's containerPort)
 * @param logOptions the awslogs options exactly as the container has them; empty for the spec's {@code logs}
 * @param roles the execution and task roles of this service; null for the spec's {@code roles}
 */
public record TaskShape(String family, String containerName, List<Port> ports, Map<String, String> logOptions, Roles roles) {
    public static final TaskShape DEFAULT = new TaskShape(null, null, null, null, null);

    public TaskShape {
        ports = Maps.copy(ports);
        logOptions = Maps.copy(logOptions);
    }

    /** A port mapping: {@code protocol} tcp or udp; {@code name} and {@code appProtocol} for Service Connect. */
    public record Port(int containerPort, String protocol, String name, String appProtocol) {
        public Port {
            protocol = protocol == null ? "tcp" : protocol;
        }
    }
}
