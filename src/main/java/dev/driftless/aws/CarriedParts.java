package dev.driftless.aws;

import dev.driftless.plan.Carried;
import dev.driftless.plan.TaskDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.ecs.model.PortMapping;

/**
 * The parts of a live task definition that no spec key says and #15's typed model does not hold — inside typed
 * objects (capabilities, log secret options, volume settings, port ranges) or on the main container (its own
 * size, entry point, FireLens) — taken out when reading so they are carried, and put back into the same object
 * when registering, so a deploy never drops them.
 */
final class CarriedParts {
    private CarriedParts() {
    }

    /**
     * Main-container fields the spec has no service-level key for: kept in {@link Carried} (registered again by every
     * deploy) rather than compared, so adopting a service whose container sets them shows no change.
     */
    static final java.util.Set<String> MAIN_UNSAID = java.util.Set.of("cpu", "memory", "memoryReservation",
            "entryPoint", "firelensConfiguration");

    /**
     * Keys inside a typed container object that no spec key says: #15 types linuxParameters.initProcessEnabled and
     * logConfiguration's driver and options, so a live {@code capabilities} or log {@code secretOptions} would be
     * dropped by the next deploy. These are kept (by container) and merged back by {@link EcsShapes#toRegisterRequest}.
     */
    static final Map<String, java.util.Set<String>> TYPED_INSIDE = Map.of(
            "linuxParameters", java.util.Set.of("initProcessEnabled"),
            "logConfiguration", java.util.Set.of("logDriver", "options"));

    static Map<String, Object> untypedParts(Map<String, Object> container) {
        Map<String, Object> parts = new TreeMap<>();
        TYPED_INSIDE.forEach((key, typedKeys) -> {
            if (container.get(key) instanceof Map<?, ?> all) {
                Map<String, Object> rest = new TreeMap<>();
                all.forEach((k, v) -> rest.put(String.valueOf(k), v));
                rest.keySet().removeAll(typedKeys);
                if (!rest.isEmpty()) {
                    parts.put(key, rest);
                }
            }
        });
        if (container.get("portMappings") instanceof List<?> ports) {
            List<Object> ranges = ports.stream().filter(x -> x instanceof Map<?, ?> m && !m.containsKey("containerPort"))
                    .map(x -> (Object) x).toList();
            if (!ranges.isEmpty()) {
                parts.put("portMappings", ranges);
            }
        }
        return parts;
    }

    /**
     * Per volume, what #15's typed volume (name, EFS file system, root directory, transit encryption, access point,
     * IAM) does not hold — {@code configuredAtLaunch} (EBS), {@code transitEncryptionPort}, … — with its name;
     * merged back into the same volume by {@link EcsShapes#toRegisterRequest}.
     */
    static List<Map<String, Object>> volumeParts(Object volumes) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (!(volumes instanceof List<?> all)) {
            return out;
        }
        for (Object v : all) {
            if (!(v instanceof Map<?, ?> volume)) {
                continue;
            }
            Map<String, Object> rest = copy(volume);
            Object name = rest.remove("name");
            if (rest.get("efsVolumeConfiguration") instanceof Map<?, ?> efsLive) {
                Map<String, Object> efs = copy(efsLive);
                efs.keySet().removeAll(java.util.Set.of("fileSystemId", "rootDirectory", "transitEncryption"));
                if (efs.get("authorizationConfig") instanceof Map<?, ?> authLive) {
                    Map<String, Object> auth = copy(authLive);
                    auth.keySet().removeAll(java.util.Set.of("accessPointId", "iam"));
                    efs.remove("authorizationConfig");
                    if (!auth.isEmpty()) {
                        efs.put("authorizationConfig", auth);
                    }
                }
                rest.remove("efsVolumeConfiguration");
                if (!efs.isEmpty()) {
                    rest.put("efsVolumeConfiguration", efs);
                }
            }
            if (!rest.isEmpty()) {
                rest.put("name", name);
                out.add(rest);
            }
        }
        return out;
    }

    static Map<String, Object> copy(Map<?, ?> m) {
        Map<String, Object> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /** {@code over}'s entries on {@code base}, objects merged key by key. */
    static Map<String, Object> merged(Map<String, Object> base, Map<?, ?> over) {
        Map<String, Object> out = new TreeMap<>(base);
        over.forEach((k, v) -> {
            String key = String.valueOf(k);
            if (v instanceof Map<?, ?> m && out.get(key) instanceof Map<?, ?> b) {
                out.put(key, merged(copy(b), m));
            } else {
                out.put(key, v);
            }
        });
        return out;
    }

    /**
     * Carried keys with the typed parts of the same objects put back in (the carried value replaces the whole
     * object). A log configuration the rendering no longer has takes its carried rest with it.
     */
    static Map<String, Object> withTypedParts(Map<String, Object> carried, TaskDefinition.Container c) {
        Map<String, Object> out = new TreeMap<>(carried);
        out.remove("name");
        if (out.get("linuxParameters") instanceof Map<?, ?> rest && c.initProcessEnabled() != null) {
            Map<String, Object> merged = new TreeMap<>();
            rest.forEach((k, v) -> merged.put(String.valueOf(k), v));
            merged.put("initProcessEnabled", c.initProcessEnabled());
            out.put("linuxParameters", merged);
        }
        if (out.get("portMappings") instanceof List<?> ranges) {
            List<Object> all = new ArrayList<>(c.portMappings().stream().map(p -> (Object) SdkMaps.toMap(PortMapping.builder()
                    .containerPort(p.containerPort()).protocol(p.protocol()).name(p.name()).appProtocol(p.appProtocol())
                    .build())).toList());
            all.addAll(ranges);
            out.put("portMappings", all);
        }
        if (out.get("logConfiguration") instanceof Map<?, ?> rest) {
            if (c.logConfiguration() == null) {
                out.remove("logConfiguration");
            } else {
                Map<String, Object> merged = new TreeMap<>();
                rest.forEach((k, v) -> merged.put(String.valueOf(k), v));
                merged.put("logDriver", c.logConfiguration().logDriver());
                if (!c.logConfiguration().options().isEmpty()) {
                    merged.put("options", c.logConfiguration().options());
                }
                out.put("logConfiguration", merged);
            }
        }
        return out;
    }

    static TaskDefinition.Container withoutUnsaid(TaskDefinition.Container c) {
        return c == null ? null : new TaskDefinition.Container(c.name(), c.image(), c.essential(), c.portMappings(),
                c.environment(), c.secrets(), c.logConfiguration(), c.healthCheck(), c.command(), null, null, null, null,
                c.dependsOn(), null, c.mountPoints(), c.readonlyRootFilesystem(), c.stopTimeout(), c.user(), c.ulimits(),
                c.initProcessEnabled(), c.extra());
    }
}
