package dev.driftless.adopt;

import dev.driftless.plan.TaskDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** How init writes a container's and a task's values as spec YAML: settings, health check, volumes, maps, lists. */
final class ContainerYaml {
    private ContainerYaml() {
    }

    /** EFS volumes with their settings, bind mounts with no value. */
    static void volumes(StringBuilder b, TaskDefinition td, String ind) {
        if (td.volumes().isEmpty()) {
            return;
        }
        b.append(ind).append("volumes:\n");
        for (TaskDefinition.Volume v : td.volumes()) {
            b.append(ind).append("  ").append(YamlText.scalar(v.name())).append(':');
            TaskDefinition.Efs e = v.efs();
            if (e == null) {
                b.append('\n');
                continue;
            }
            b.append(" { efs: { fileSystemId: ").append(YamlText.scalar(e.fileSystemId()));
            if (e.accessPointId() != null) {
                b.append(", accessPointId: ").append(YamlText.scalar(e.accessPointId()));
            } else if (!"/".equals(e.rootDirectory())) {
                b.append(", rootDirectory: ").append(YamlText.quoted(e.rootDirectory()));
            }
            if ("ENABLED".equals(e.transitEncryption())) {
                b.append(", transitEncryption: true");
            }
            if ("ENABLED".equals(e.iam())) {
                b.append(", iam: true");
            }
            b.append(" } }\n");
        }
    }

    /** What the main container and each sidecar can both set: start order, mounts, hardening, raw fields. */
    static void containerSettings(StringBuilder b, String ind, TaskDefinition.Container c, String extraKey) {
        if (!c.dependsOn().isEmpty()) {
            b.append(ind).append("dependsOn: ").append(c.dependsOn().stream()
                    .map(d -> "{ container: " + YamlText.scalar(d.container()) + ", condition: " + d.condition() + " }")
                    .collect(Collectors.joining(", ", "[", "]"))).append('\n');
        }
        if (!c.mountPoints().isEmpty()) {
            b.append(ind).append("mountPoints:\n");
            c.mountPoints().forEach(m -> b.append(ind).append("  - { sourceVolume: ").append(YamlText.scalar(m.sourceVolume()))
                    .append(", containerPath: ").append(YamlText.quoted(m.containerPath()))
                    .append(m.readOnly() ? ", readOnly: true" : "").append(" }\n"));
        }
        if (c.readonlyRootFilesystem() != null) {
            b.append(ind).append("readonlyRootFilesystem: ").append(c.readonlyRootFilesystem()).append('\n');
        }
        if (c.stopTimeout() != null) {
            b.append(ind).append("stopTimeout: ").append(c.stopTimeout()).append('\n');
        }
        if (c.user() != null) {
            b.append(ind).append("user: ").append(YamlText.quoted(c.user())).append('\n');
        }
        if (!c.ulimits().isEmpty()) {
            b.append(ind).append("ulimits:\n");
            c.ulimits().forEach(u -> b.append(ind).append("  - { name: ").append(YamlText.scalar(u.name()))
                    .append(", softLimit: ").append(u.softLimit()).append(", hardLimit: ").append(u.hardLimit()).append(" }\n"));
        }
        if (c.initProcessEnabled() != null) {
            b.append(ind).append("linuxParameters: { initProcessEnabled: ").append(c.initProcessEnabled()).append(" }\n");
        }
        if (!c.extra().isEmpty()) {
            b.append(ind).append(extraKey).append(": ").append(json(c.extra())).append('\n');
        }
    }

    static void healthCheck(StringBuilder b, String ind, TaskDefinition.ContainerHealthCheck h) {
        if (h == null) {
            return;
        }
        b.append(ind).append("healthCheck:\n");
        b.append(ind).append("  command: ").append(flow(h.command())).append('\n');
        if (h.interval() != 30) {
            b.append(ind).append("  interval: ").append(h.interval()).append('\n');
        }
        if (h.timeout() != 5) {
            b.append(ind).append("  timeout: ").append(h.timeout()).append('\n');
        }
        if (h.retries() != 3) {
            b.append(ind).append("  retries: ").append(h.retries()).append('\n');
        }
        if (h.startPeriod() != 0) {
            b.append(ind).append("  startPeriod: ").append(h.startPeriod()).append('\n');
        }
    }

    static void map(StringBuilder b, String ind, String key, Map<String, String> values) {
        if (values.isEmpty()) {
            return;
        }
        b.append(ind).append(key).append(":\n");
        values.forEach((k, v) -> b.append(ind).append("  ").append(YamlText.scalar(k)).append(": ")
                .append(YamlText.quoted(v)).append('\n'));
    }

    static String flow(List<String> values) {
        return values.stream().map(YamlText::quoted).collect(Collectors.joining(", ", "[", "]"));
    }

    static String json(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> sorted = new LinkedHashMap<>();
            m.forEach((k, x) -> sorted.put(String.valueOf(k), x));
            return sorted.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + json(e.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
        }
        if (v instanceof List<?> l) {
            return l.stream().map(ContainerYaml::json).collect(Collectors.joining(",", "[", "]"));
        }
        if (v instanceof String s) {
            return YamlText.quoted(s);
        }
        return String.valueOf(v);
    }
}
