package dev.driftless.spec;

import java.util.List;
import java.util.Map;

/**
 * Makes a sidecar the task's FireLens log router (ECS {@code firelensConfiguration}).
 *
 * @param type fluentbit or fluentd
 * @param options the router's options as ECS takes them (e.g. {@code config-file-type}, {@code enable-ecs-log-metadata})
 */
public record FireLens(String type, Map<String, String> options) {
    public static final List<String> TYPES = List.of("fluentbit", "fluentd");

    public FireLens {
        options = Maps.copy(options);
    }
}
