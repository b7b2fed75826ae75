package dev.driftless.spec;

import java.util.List;
import java.util.Map;

/**
 * A container that runs beside a service's main one in every task: a log router, an agent, a proxy, or an
 * init container the main one waits for.
 *
 * @param essential whether the task stops when this container stops (default false, unlike the main one)
 * @param cpu CPU units reserved for this container out of the task's; null for none reserved
 * @param memory hard limit in MiB; null for none
 * @param memoryReservation soft limit in MiB; null for none
 * @param command empty for the image's own
 * @param entryPoint empty for the image's own
 * @param firelens non-null when this container is the task's FireLens log router
 * @param logOptions awslogs options exactly as given; empty for the main container's (the spec's log group)
 */
public record Sidecar(
        String name,
        SidecarImage image,
        boolean essential,
        Integer cpu,
        Integer memory,
        Integer memoryReservation,
        Integer port,
        Map<String, String> environment,
        Map<String, String> secrets,
        List<String> command,
        List<String> entryPoint,
        HealthCheck healthCheck,
        FireLens firelens,
        ContainerSettings settings,
        Map<String, String> logOptions) {

    public Sidecar {
        environment = Maps.copy(environment);
        secrets = Maps.copy(secrets);
        command = Maps.copy(command);
        entryPoint = Maps.copy(entryPoint);
        settings = settings == null ? ContainerSettings.NONE : settings;
        logOptions = Maps.copy(logOptions);
    }

    /** A sidecar logging with the main container's awslogs options. */
    public Sidecar(String name, SidecarImage image, boolean essential, Integer cpu, Integer memory, Integer memoryReservation,
            Integer port, Map<String, String> environment, Map<String, String> secrets, List<String> command,
            List<String> entryPoint, HealthCheck healthCheck, FireLens firelens, ContainerSettings settings) {
        this(name, image, essential, cpu, memory, memoryReservation, port, environment, secrets, command, entryPoint,
                healthCheck, firelens, settings, null);
    }
}
