package dev.driftless.spec;

import java.util.List;
import java.util.Map;

/**
 * What the main container and each sidecar can both set beyond image and size: start order, where logs
 * go, mounts, hardening, and raw ECS fields driftless does not type.
 *
 * @param logging {@link #AWSLOGS} (the spec's log group), {@link #FIRELENS} (through the task's log router) or
 *                {@link #NONE_LOGGING} (no log configuration: Docker's default, nothing reaches CloudWatch)
 * @param readonlyRootFilesystem null when not set (ECS's default: writable)
 * @param stopTimeout seconds ECS waits after SIGTERM before SIGKILL; null for ECS's default (30)
 * @param initProcessEnabled run an init process as PID 1 (linuxParameters.initProcessEnabled); null when not set
 * @param extra raw ContainerDefinition fields (camelCase, as RegisterTaskDefinition takes them), merged as given;
 *              values are plain maps, lists, texts, numbers and booleans
 */
public record ContainerSettings(
        List<ContainerDependency> dependsOn,
        String logging,
        List<MountPoint> mountPoints,
        Boolean readonlyRootFilesystem,
        Integer stopTimeout,
        String user,
        List<Ulimit> ulimits,
        Boolean initProcessEnabled,
        Map<String, Object> extra) {

    public static final String AWSLOGS = "awslogs";
    public static final String FIRELENS = "firelens";
    public static final String NONE_LOGGING = "none";
    public static final List<String> LOGGING = List.of(AWSLOGS, FIRELENS, NONE_LOGGING);
    public static final ContainerSettings NONE = new ContainerSettings(null, null, null, null, null, null, null, null, null);

    public ContainerSettings {
        dependsOn = Maps.copy(dependsOn);
        logging = logging == null ? AWSLOGS : logging;
        mountPoints = Maps.copy(mountPoints);
        ulimits = Maps.copy(ulimits);
        extra = Maps.copy(extra);
    }
}
