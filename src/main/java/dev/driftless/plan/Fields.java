package dev.driftless.plan;

import dev.driftless.spec.Autoscaling;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Flattens normalised definitions and settings into comparable fields, so the diff is a comparison
 * of two maps and each difference lands in the group a reader looks for. Every value is already
 * normalised (sorted maps and lists, integer units), so equal means equal.
 */
final class Fields {
    /** The deploy strategy in words; absent for plain rolling, which a change names as "rolling". */
    static final String STRATEGY = "strategy";

    record Key(ChangeGroup group, String name) {
    }

    /** @param same what equality compares: the text, or a form in which equivalent texts agree */
    record Value(String text, boolean redacted, String same) {
        Value(String text, boolean redacted) {
            this(text, redacted, text);
        }
    }

    private Fields() {
    }

    static Map<Key, Value> of(TaskDefinition td) {
        Map<Key, Value> f = new LinkedHashMap<>();
        TaskDefinition.Container c = td.container();
        put(f, ChangeGroup.IMAGE, "image", c == null ? null : c.image());
        put(f, ChangeGroup.CPU_MEMORY, "cpu", cpu(td.cpu()));
        put(f, ChangeGroup.CPU_MEMORY, "memory", memory(td.memory()));
        if (c != null) {
            // plain values are in git already; only those that look like credentials stay hidden
            c.environment().forEach((k, v) -> f.put(new Key(ChangeGroup.ENVIRONMENT, k), new Value(v, CredentialLook.hidden(k, v))));
            c.secrets().forEach((k, v) -> f.put(new Key(ChangeGroup.SECRETS, k), new Value(v, true)));
        }
        put(f, ChangeGroup.TASK_DEFINITION, "family", td.family());
        put(f, ChangeGroup.TASK_DEFINITION, "cpu architecture", td.cpuArchitecture());
        put(f, ChangeGroup.TASK_DEFINITION, "operating system", td.operatingSystemFamily());
        put(f, ChangeGroup.TASK_DEFINITION, "network mode", td.networkMode());
        put(f, ChangeGroup.TASK_DEFINITION, "compatibilities", String.join(", ", td.requiresCompatibilities()));
        put(f, ChangeGroup.TASK_DEFINITION, "execution role", td.executionRoleArn());
        put(f, ChangeGroup.TASK_DEFINITION, "task role", td.taskRoleArn());
        if (c != null) {
            put(f, ChangeGroup.TASK_DEFINITION, "container name", c.name());
            containerSettings(f, "", c);
        }
        put(f, ChangeGroup.TASK_DEFINITION, "ephemeral storage", td.ephemeralStorage() == null ? null
                : td.ephemeralStorage() + " GiB");
        td.volumes().forEach(v -> put(f, ChangeGroup.TASK_DEFINITION, "volume " + v.name(), v.efs() == null ? "bind mount"
                : "EFS " + v.efs().fileSystemId() + (v.efs().accessPointId() == null ? " " + v.efs().rootDirectory()
                : " access point " + v.efs().accessPointId()) + ", transit encryption " + v.efs().transitEncryption()
                + ", IAM " + v.efs().iam()));
        td.extra().forEach((k, v) -> put(f, ChangeGroup.TASK_DEFINITION, "extra " + k, SpecHash.canonical(v)));
        td.sidecars().values().forEach(s -> sidecar(f, s));
        Carried carried = td.carried();
        carried.task().forEach((k, v) -> put(f, ChangeGroup.TASK_DEFINITION, k, json(v)));
        carried.container().forEach((k, v) -> put(f, ChangeGroup.TASK_DEFINITION, "container " + k, json(v)));
        carried.sidecars().forEach(s -> put(f, ChangeGroup.TASK_DEFINITION, "sidecar " + s.get("name"), json(s)));
        return f;
    }

    /** A sidecar's fields, each named {@code sidecar <name>: <field>} so a plan says which container changed. */
    private static void sidecar(Map<Key, Value> f, TaskDefinition.Container s) {
        String p = "sidecar " + s.name() + ": ";
        put(f, ChangeGroup.TASK_DEFINITION, p + "container", "present");
        put(f, ChangeGroup.IMAGE, p + "image", s.image());
        put(f, ChangeGroup.CPU_MEMORY, p + "cpu", s.cpu() == null ? null : String.valueOf(s.cpu()));
        put(f, ChangeGroup.CPU_MEMORY, p + "memory", s.memory() == null ? null : s.memory() + " MiB");
        put(f, ChangeGroup.CPU_MEMORY, p + "memory reservation", s.memoryReservation() == null ? null
                : s.memoryReservation() + " MiB");
        s.environment().forEach((k, v) -> f.put(new Key(ChangeGroup.ENVIRONMENT, p + k), new Value(v, true)));
        s.secrets().forEach((k, v) -> f.put(new Key(ChangeGroup.SECRETS, p + k), new Value(v, true)));
        containerSettings(f, p, s);
    }

    private static void containerSettings(Map<Key, Value> f, String p, TaskDefinition.Container c) {
        ChangeGroup g = ChangeGroup.TASK_DEFINITION;
        put(f, g, p + "essential", String.valueOf(c.essential()));
        put(f, g, p + "ports", c.portMappings().stream()
                .map(TaskDefinition.PortMapping::text).collect(Collectors.joining(", ")));
        put(f, g, p + "command", c.command().isEmpty() ? null : String.join(" ", c.command()));
        put(f, g, p + "entry point", c.entryPoint().isEmpty() ? null : String.join(" ", c.entryPoint()));
        put(f, g, p + "logging", c.logConfiguration() == null ? null
                : c.logConfiguration().logDriver() + " " + c.logConfiguration().options());
        put(f, g, p + "health check", c.healthCheck() == null ? null : healthCheck(c.healthCheck()));
        put(f, g, p + "depends on", c.dependsOn().stream().map(d -> d.container() + " " + d.condition())
                .collect(Collectors.joining(", ")));
        put(f, g, p + "firelens", c.firelens() == null ? null : c.firelens().type() + " " + c.firelens().options());
        put(f, g, p + "mount points", c.mountPoints().stream().map(m -> m.sourceVolume() + " → " + m.containerPath()
                + (m.readOnly() ? " (read-only)" : "")).collect(Collectors.joining(", ")));
        put(f, g, p + "read-only root file system", c.readonlyRootFilesystem() == null ? null
                : String.valueOf(c.readonlyRootFilesystem()));
        put(f, g, p + "stop timeout", c.stopTimeout() == null ? null : c.stopTimeout() + "s");
        put(f, g, p + "user", c.user());
        put(f, g, p + "ulimits", c.ulimits().stream().map(u -> u.name() + " " + u.softLimit() + "/" + u.hardLimit())
                .collect(Collectors.joining(", ")));
        put(f, g, p + "init process", c.initProcessEnabled() == null ? null : String.valueOf(c.initProcessEnabled()));
        c.extra().forEach((k, v) -> put(f, g, p + "extra " + k, SpecHash.canonical(v)));
    }

    /** Service settings except the desired count, which the diff treats on its own. */
    static Map<Key, Value> of(ServiceSettings s) {
        Map<Key, Value> f = new LinkedHashMap<>();
        String capacity = capacity(s.capacityProviderStrategy());
        if (capacity != null) {
            f.put(new Key(ChangeGroup.CAPACITY, "capacity providers"),
                    new Value(capacity, false, String.valueOf(capacity(placing(s.capacityProviderStrategy())))));
        }
        if (s.network() != null) {
            put(f, ChangeGroup.NETWORK, "subnets", String.join(", ", s.network().subnets()));
            put(f, ChangeGroup.NETWORK, "security groups", String.join(", ", s.network().securityGroups()));
            put(f, ChangeGroup.NETWORK, "public IP", s.network().assignPublicIp() ? "enabled" : "disabled");
        }
        put(f, ChangeGroup.LOAD_BALANCER, "target groups", s.loadBalancers().isEmpty() ? null : s.loadBalancers().stream()
                .map(l -> l.targetGroupArn() + " → " + l.containerName() + ":" + l.containerPort())
                .collect(Collectors.joining(", ")));
        put(f, ChangeGroup.LOAD_BALANCER, "blue/green", s.loadBalancers().stream().filter(l -> l.advanced() != null)
                .map(l -> advanced(l.advanced())).findFirst().orElse(null));
        put(f, ChangeGroup.DEPLOYMENT, "circuit breaker", s.circuitBreaker()
                ? (s.circuitBreakerRollback() ? "on, with rollback" : "on, no rollback") : "off");
        put(f, ChangeGroup.DEPLOYMENT, "propagate tags", s.propagateTags());
        put(f, ChangeGroup.DEPLOYMENT, STRATEGY, s.deployment() == null ? null : DeploymentStrategy.words(s.deployment()));
        put(f, ChangeGroup.DEPLOYMENT, "lifecycle hooks", DeploymentStrategy.hookWords(s.deployment()));
        if (s.enableExecuteCommand()) {
            put(f, ChangeGroup.DEPLOYMENT, "execute command", "enabled");
        }
        return f;
    }

    static Map<Key, Value> of(Autoscaling a) {
        Map<Key, Value> f = new LinkedHashMap<>();
        if (a != null) {
            put(f, ChangeGroup.AUTOSCALING, "min..max", a.min() + ".." + a.max());
            put(f, ChangeGroup.AUTOSCALING, "cpu target", a.cpuPercent() == null ? null : a.cpuPercent() + "%");
            put(f, ChangeGroup.AUTOSCALING, "memory target", a.memoryPercent() == null ? null : a.memoryPercent() + "%");
        }
        return f;
    }

    private static String advanced(ServiceSettings.Advanced a) {
        List<String> parts = new java.util.ArrayList<>();
        parts.add("green " + a.alternateTargetGroupArn());
        if (a.productionListenerRule() != null) {
            parts.add("production rule " + a.productionListenerRule());
        }
        if (a.testListenerRule() != null) {
            parts.add("test rule " + a.testListenerRule());
        }
        if (a.roleArn() != null) {
            parts.add("role " + a.roleArn());
        }
        return String.join(", ", parts);
    }

    static String cpu(int units) {
        return units + " (" + trim(units / 1024.0) + " vCPU)";
    }

    static String memory(int mib) {
        return mib + " MiB (" + trim(mib / 1024.0) + " GB)";
    }

    /**
     * The strategy as ECS places tasks: a provider at weight 0 and base 0 never gets a task, so
     * {@code FARGATE_SPOT weight 1} and {@code FARGATE_SPOT weight 1, FARGATE weight 0} read the same.
     */
    static List<ServiceSettings.CapacityItem> placing(List<ServiceSettings.CapacityItem> items) {
        return items.stream().filter(i -> i.weight() > 0 || i.base() > 0).toList();
    }

    static String capacity(List<ServiceSettings.CapacityItem> items) {
        if (items.isEmpty()) {
            return null;
        }
        return items.stream()
                .map(i -> i.provider() + " weight " + i.weight() + (i.base() > 0 ? " base " + i.base() : ""))
                .collect(Collectors.joining(", "));
    }

    private static String healthCheck(TaskDefinition.ContainerHealthCheck h) {
        return String.join(" ", h.command()) + " every " + h.interval() + "s, timeout " + h.timeout() + "s, "
                + h.retries() + " retries, start period " + h.startPeriod() + "s";
    }

    /** Canonical JSON of a carried value (maps are already sorted). */
    static String json(Object v) {
        if (v instanceof Map<?, ?> m) {
            return m.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + json(e.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
        }
        if (v instanceof List<?> l) {
            return l.stream().map(Fields::json).collect(Collectors.joining(",", "[", "]"));
        }
        if (v instanceof String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        return String.valueOf(v);
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static void put(Map<Key, Value> f, ChangeGroup g, String name, String value) {
        if (value != null && !value.isEmpty()) {
            f.put(new Key(g, name), new Value(value, false));
        }
    }

    /**
     * The differences from {@code live} to {@code desired}, grouped; values of redacted fields are
     * replaced before they leave this class.
     *
     * @param baseline what driftless last deployed, to mark drift (a live value that differs from it);
     *                 null when unknown, then {@code driftWhenUnknown} decides
     */
    static List<Change> diff(Map<Key, Value> live, Map<Key, Value> desired, Map<Key, Value> baseline, boolean driftWhenUnknown) {
        Map<Key, Change> out = new LinkedHashMap<>();
        desired.forEach((k, d) -> {
            Value l = live.get(k);
            if (l == null || !l.same().equals(d.same())) {
                out.put(k, change(k, l, d, d.redacted(), drift(k, l, baseline, driftWhenUnknown)));
            }
        });
        live.forEach((k, l) -> {
            if (!desired.containsKey(k)) {
                out.put(k, change(k, l, null, l.redacted(), drift(k, l, baseline, driftWhenUnknown)));
            }
        });
        return out.values().stream().sorted(java.util.Comparator.comparing(Change::group)).toList();
    }

    private static boolean drift(Key k, Value live, Map<Key, Value> baseline, boolean driftWhenUnknown) {
        if (baseline == null) {
            return driftWhenUnknown;
        }
        Value base = baseline.get(k);
        return base == null || live == null ? base != live : !base.same().equals(live.same());
    }

    private static Change change(Key k, Value from, Value to, boolean redacted, boolean drift) {
        return new Change(k.group(), k.name(),
                from == null ? null : redacted ? "***" : from.text(),
                to == null ? null : redacted ? "***" : to.text(),
                redacted, drift);
    }
}
