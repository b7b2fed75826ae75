package dev.driftless.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a task definition in RegisterTaskDefinition's JSON shape — as DescribeTaskDefinition returns it, as
 * the aws-actions keep it in {@code task-definition.json}, as ecspresso keeps it in {@code ecs-task-def.json} —
 * into the normalised {@link TaskDefinition} driftless compares. Normalising removes what ECS fills in,
 * reorders or owns, so two definitions that run the same compare equal:
 * <ul>
 *   <li>read-only keys (taskDefinitionArn, revision, status, registeredAt/By, deregisteredAt, compatibilities,
 *       requiresAttributes) and tags are dropped;</li>
 *   <li>cpu/memory as numbers, strings or units ("0.25 vCPU", "0.5 GB") become CPU units and MiB;</li>
 *   <li>environment and secrets become sorted maps; log options, requiresCompatibilities are sorted;</li>
 *   <li>portMappings get protocol tcp by default; a hostPort equal to the containerPort is dropped (awsvpc);</li>
 *   <li>healthCheck gets ECS's defaults (interval 30, timeout 5, retries 3, startPeriod 0); essential defaults
 *       to true; runtimePlatform to X86_64/LINUX;</li>
 *   <li>nulls, empty lists and empty maps are the same as absent; a container cpu of 0 is ECS's default.</li>
 * </ul>
 * Everything else is kept, normalised the same way, in {@link Carried}. Pure: the caller parses the file.
 */
public final class TaskDefinitionJson {
    /** Keys ECS sets on a registered revision; never part of what is compared or registered again. */
    public static final Set<String> READ_ONLY = Set.of("taskDefinitionArn", "revision", "status", "registeredAt",
            "registeredBy", "deregisteredAt", "compatibilities", "requiresAttributes", "tags");
    private static final Set<String> TASK_MODELLED = Set.of("family", "cpu", "memory", "networkMode",
            "requiresCompatibilities", "runtimePlatform", "executionRoleArn", "taskRoleArn", "containerDefinitions");
    private static final Set<String> CONTAINER_MODELLED = Set.of("name", "image", "essential", "portMappings",
            "environment", "secrets", "logConfiguration", "healthCheck", "command");

    private TaskDefinitionJson() {
    }

    /** Every container of a definition, normalised as {@link #read} normalises them (nulls and empty values dropped, maps sorted). */
    public static List<Map<String, Object>> containers(Map<String, ?> raw) {
        return maps(normalisedTask(raw).get("containerDefinitions"), "containerDefinitions");
    }

    /**
     * The normalised definition.
     *
     * @param containerName the container compared as the service's own; null or absent picks the first essential one
     * @throws IllegalArgumentException naming the key when a value has the wrong shape
     */
    public static TaskDefinition read(Map<String, ?> raw, String containerName) {
        Map<String, Object> td = normalisedTask(raw);
        List<Map<String, Object>> containers = maps(td.get("containerDefinitions"), "containerDefinitions");
        Map<String, Object> main = mainContainer(containers, containerName);
        Map<String, Object> platform = map(td.get("runtimePlatform"), "runtimePlatform");
        Map<String, Object> carriedTask = new TreeMap<>(td);
        TASK_MODELLED.forEach(carriedTask::remove);
        Map<String, Object> carriedContainer = new TreeMap<>();
        if (main != null) {
            carriedContainer.putAll(main);
            CONTAINER_MODELLED.forEach(carriedContainer::remove);
        }
        List<Map<String, Object>> sidecars = containers.stream().filter(c -> c != main).toList();
        return new TaskDefinition(
                text(td.get("family")),
                td.get("cpu") == null ? 0 : Units.cpuUnits(text(td.get("cpu"))),
                td.get("memory") == null ? 0 : Units.memoryMiB(text(td.get("memory"))),
                text(td.get("networkMode")),
                strings(td.get("requiresCompatibilities"), "requiresCompatibilities"),
                platform.get("cpuArchitecture") == null ? "X86_64" : text(platform.get("cpuArchitecture")).toUpperCase(Locale.ROOT),
                platform.get("operatingSystemFamily") == null ? "LINUX" : text(platform.get("operatingSystemFamily")),
                text(td.get("executionRoleArn")),
                text(td.get("taskRoleArn")),
                main == null ? null : container(main),
                null, null, null, null,
                new Carried(new TreeMap<>(carriedTask), new TreeMap<>(carriedContainer), sidecars));
    }

    /** The task definition with read-only keys dropped and every container normalised; the other keys as {@link #value}. */
    static Map<String, Object> normalisedTask(Map<String, ?> raw) {
        Map<String, Object> out = new TreeMap<>();
        raw.forEach((k, v) -> {
            if (READ_ONLY.contains(k)) {
                return;
            }
            Object n = "containerDefinitions".equals(k)
                    ? maps(v, k).stream().map(TaskDefinitionJson::normalisedContainer).map(c -> (Object) c).toList()
                    : value(v);
            if (n != null) {
                out.put(k, n);
            }
        });
        return out;
    }

    /** One container with ECS's defaults made explicit or dropped, lists that are sets sorted. */
    static Map<String, Object> normalisedContainer(Map<String, Object> raw) {
        Map<String, Object> c = new TreeMap<>();
        raw.forEach((k, v) -> {
            Object n = value(v);
            if (n != null) {
                c.put(k, n);
            }
        });
        if (c.get("essential") == null) {
            c.put("essential", Boolean.TRUE);
        }
        if (Long.valueOf(0).equals(c.get("cpu"))) {
            c.remove("cpu");
        }
        c.computeIfPresent("environment", (k, v) -> sortedBy(maps(v, k), "name"));
        c.computeIfPresent("secrets", (k, v) -> sortedBy(maps(v, k), "name"));
        c.computeIfPresent("portMappings", (k, v) -> {
            List<Map<String, Object>> ports = new ArrayList<>();
            for (Map<String, Object> p : maps(v, k)) {
                Map<String, Object> m = new TreeMap<>(p);
                m.putIfAbsent("protocol", "tcp");
                m.put("protocol", text(m.get("protocol")).toLowerCase(Locale.ROOT));
                if (m.get("hostPort") != null && m.get("hostPort").equals(m.get("containerPort"))) {
                    m.remove("hostPort");
                }
                ports.add(m);
            }
            ports.sort(java.util.Comparator.comparing((Map<String, Object> m) -> ((Number) m.getOrDefault("containerPort", 0L)).longValue())
                    .thenComparing(m -> text(m.get("protocol"))));
            return ports;
        });
        c.computeIfPresent("healthCheck", (k, v) -> {
            Map<String, Object> h = new TreeMap<>(map(v, k));
            h.putIfAbsent("interval", 30L);
            h.putIfAbsent("timeout", 5L);
            h.putIfAbsent("retries", 3L);
            h.putIfAbsent("startPeriod", 0L);
            return h;
        });
        return c;
    }

    /**
     * A JSON-like value in canonical form: nulls, empty lists and empty maps become null (absent), maps are
     * sorted, whole numbers are Longs and other numbers BigDecimals.
     */
    static Object value(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            m.forEach((k, x) -> {
                Object n = value(x);
                if (n != null) {
                    out.put(String.valueOf(k), n);
                }
            });
            return out.isEmpty() ? null : out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> {
                Object n = value(x);
                if (n != null) {
                    out.add(n);
                }
            });
            return out.isEmpty() ? null : List.copyOf(out);
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            return ((Number) v).longValue();
        }
        if (v instanceof Number n) {
            BigDecimal d = new BigDecimal(n.toString()).stripTrailingZeros();
            return d.scale() <= 0 ? (Object) d.longValueExact() : d;
        }
        return v;
    }

    private static Map<String, Object> mainContainer(List<Map<String, Object>> containers, String name) {
        return containers.stream().filter(c -> name != null && name.equals(c.get("name"))).findFirst()
                .or(() -> containers.stream().filter(c -> Boolean.TRUE.equals(c.get("essential"))).findFirst())
                .orElse(containers.isEmpty() ? null : containers.get(0));
    }

    private static TaskDefinition.Container container(Map<String, Object> c) {
        Map<String, String> env = new TreeMap<>();
        maps(c.get("environment"), "environment").forEach(kv -> env.put(text(kv.get("name")),
                kv.get("value") == null ? "" : text(kv.get("value"))));
        Map<String, String> secrets = new TreeMap<>();
        maps(c.get("secrets"), "secrets").forEach(s -> secrets.put(text(s.get("name")), text(s.get("valueFrom"))));
        Map<String, Object> log = map(c.get("logConfiguration"), "logConfiguration");
        Map<String, String> options = new TreeMap<>();
        map(log.get("options"), "logConfiguration.options").forEach((k, v) -> options.put(k, text(v)));
        Map<String, Object> hc = map(c.get("healthCheck"), "healthCheck");
        return new TaskDefinition.Container(
                text(c.get("name")),
                text(c.get("image")),
                !Boolean.FALSE.equals(c.get("essential")),
                maps(c.get("portMappings"), "portMappings").stream().filter(p -> p.get("containerPort") != null) // a containerPortRange stays carried
                        .map(p -> new TaskDefinition.PortMapping(
                        integer(p.get("containerPort"), "portMappings.containerPort"), text(p.get("protocol")),
                        text(p.get("name")), text(p.get("appProtocol")))).toList(),
                env,
                secrets,
                log.isEmpty() ? null : new TaskDefinition.LogConfiguration(text(log.get("logDriver")), options),
                hc.isEmpty() ? null : new TaskDefinition.ContainerHealthCheck(strings(hc.get("command"), "healthCheck.command"),
                        integer(hc.get("interval"), "healthCheck.interval"), integer(hc.get("timeout"), "healthCheck.timeout"),
                        integer(hc.get("retries"), "healthCheck.retries"), integer(hc.get("startPeriod"), "healthCheck.startPeriod")),
                strings(c.get("command"), "command"));
    }

    private static List<Object> sortedBy(List<Map<String, Object>> items, String key) {
        Map<String, Map<String, Object>> byKey = new TreeMap<>();
        items.forEach(i -> byKey.put(text(i.get(key)), i));
        return new ArrayList<>(byKey.values());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object v, String key) {
        if (v == null) {
            return Map.of();
        }
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException("'" + key + "' must be an object, not " + v);
    }

    private static List<Map<String, Object>> maps(Object v, String key) {
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l)) {
            throw new IllegalArgumentException("'" + key + "' must be a list of objects, not " + v);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        l.forEach(x -> out.add(map(x, key)));
        return out;
    }

    private static List<String> strings(Object v, String key) {
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l)) {
            throw new IllegalArgumentException("'" + key + "' must be a list of strings, not " + v);
        }
        return l.stream().map(TaskDefinitionJson::text).toList();
    }

    private static int integer(Object v, String key) {
        if (v instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(text(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + key + "' must be a whole number, not " + v, e);
        }
    }

    private static String text(Object v) {
        return v == null ? null : v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v);
    }
}
