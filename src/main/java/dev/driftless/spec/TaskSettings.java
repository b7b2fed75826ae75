package dev.driftless.spec;

import java.util.Map;

/**
 * Task-level settings beyond size and architecture.
 *
 * @param ephemeralStorage GiB of task storage; null for Fargate's free 20
 * @param volumes by name, in spec order
 * @param enableExecuteCommand allow {@code aws ecs execute-command} into the service's tasks (a service setting)
 * @param extra raw RegisterTaskDefinition fields (camelCase) merged into the definition, e.g. {@code pidMode}
 */
public record TaskSettings(Integer ephemeralStorage, Map<String, Volume> volumes, boolean enableExecuteCommand,
        Map<String, Object> extra) {
    public static final int FREE_EPHEMERAL_GIB = 20;
    public static final TaskSettings NONE = new TaskSettings(null, null, false, null);

    public TaskSettings {
        volumes = Maps.copy(volumes);
        extra = Maps.copy(extra);
    }
}
