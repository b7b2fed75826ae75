package dev.driftless.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The containers of each service's task, main one and sidecars together: unique legal names, a start order
 * ECS can follow (targets that exist, no cycle, HEALTHY only on a container with a health check, SUCCESS and
 * COMPLETE only on a non-essential one), sidecars that fit inside the task's size in every environment, at
 * most one FireLens router (and one present when a container logs through it), mounts of declared volumes,
 * and {@code extra} keys that ECS knows and driftless does not already set.
 */
final class ContainerRules implements SpecRule {
    /** ECS's container name rule. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    private static final Pattern FILE_SYSTEM = Pattern.compile("fs-[0-9a-f]{8,40}");
    private static final Pattern ACCESS_POINT = Pattern.compile("fsap-[0-9a-f]{8,40}");

    @Override
    public void check(DeploySpec spec, Problems problems) {
        spec.services().forEach((name, s) -> {
            String path = "services." + name;
            Map<String, Container> containers = containers(name, s, path, problems);
            containers.values().forEach(c -> {
                settings(c, s, containers, problems);
                extra(c.settings().extra(), c.path() + "." + c.extraKey(), EcsFieldNames.CONTAINER,
                        EcsFieldNames.TYPED_CONTAINER, EcsFieldNames.CONTAINER_SHAPES, problems);
            });
            cycles(containers, problems);
            routers(containers, path, problems);
            fits(spec, name, s, path, problems);
            task(s.task(), path, problems);
        });
    }

    /** One container of the task as the rules see it. */
    private record Container(String name, String path, String extraKey, boolean essential, HealthCheck healthCheck,
            FireLens firelens, ContainerSettings settings) {
    }

    private static Map<String, Container> containers(String service, ServiceSpec s, String path, Problems problems) {
        Map<String, Container> out = new LinkedHashMap<>();
        out.put(service, new Container(service, path, "containerExtra", true, s.healthCheck(), null, s.container()));
        s.sidecars().forEach((n, c) -> {
            String at = path + ".sidecars." + n;
            if (n.equals(service)) {
                problems.error(at, "sidecar '" + n + "' has the name of the main container (the service's name); "
                        + "container names in a task are unique — rename the sidecar");
                return;
            }
            if (!NAME.matcher(n).matches()) {
                problems.error(at, "sidecar name '" + n + "' is not a legal ECS container name; use letters, digits, "
                        + "'-' and '_' (1 to 255)");
            }
            sidecar(c, at, problems);
            out.put(n, new Container(n, at, "extra", c.essential(), c.healthCheck(), c.firelens(), c.settings()));
        });
        return out;
    }

    private static void sidecar(Sidecar c, String at, Problems problems) {
        if (c.image() instanceof SidecarImage.Repository r) {
            ServiceRules.image(r.image(), at + ".image", problems);
        } else if (c.image() instanceof SidecarImage.Reference r && (r.uri().isBlank() || r.uri().contains(" "))) {
            problems.error(at + ".image", "'" + r.uri() + "' is not an image reference; write one like "
                    + "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.4, or {repository: NAME} for an ECR repository");
        }
        if (c.port() != null && (c.port() < 1 || c.port() > 65535)) {
            problems.error(at + ".port", "port " + c.port() + " is not between 1 and 65535");
        }
        if (c.healthCheck() != null) {
            ServiceRules.healthCheck(c.healthCheck(), at + ".healthCheck", problems);
        }
        positive(c.cpu(), at + ".cpu", "cpu", problems);
        positive(c.memory(), at + ".memory", "memory", problems);
        positive(c.memoryReservation(), at + ".memoryReservation", "memoryReservation", problems);
        if (c.memory() != null && c.memoryReservation() != null && c.memoryReservation() > c.memory()) {
            problems.error(at + ".memoryReservation", "memoryReservation " + c.memoryReservation()
                    + " MiB is above memory " + c.memory() + " MiB; the soft limit must not exceed the hard one");
        }
        if (c.firelens() != null && c.firelens().type() != null && !FireLens.TYPES.contains(c.firelens().type())) {
            problems.error(at + ".firelens.type", "firelens type '" + c.firelens().type() + "' is not fluentbit or fluentd"
                    + DidYouMean.hint(c.firelens().type(), FireLens.TYPES));
        }
    }

    private static void positive(Integer value, String path, String what, Problems problems) {
        if (value != null && value < 1) {
            problems.error(path, what + " " + value + " must be at least 1; leave it out to reserve none");
        }
    }

    private static void settings(Container c, ServiceSpec s, Map<String, Container> all, Problems problems) {
        ContainerSettings set = c.settings();
        List<ContainerDependency> deps = set.dependsOn();
        for (int i = 0; i < deps.size(); i++) {
            ContainerDependency d = deps.get(i);
            String at = c.path() + ".dependsOn[" + i + "]";
            if (!ContainerDependency.CONDITIONS.contains(d.condition())) {
                problems.error(at + ".condition", "condition '" + d.condition() + "' is not one of "
                        + String.join(", ", ContainerDependency.CONDITIONS) + DidYouMean.hint(d.condition(),
                        ContainerDependency.CONDITIONS));
                continue;
            }
            Container target = all.get(d.container());
            if (d.container().equals(c.name())) {
                problems.error(at + ".container", "container '" + c.name() + "' depends on itself; remove this entry");
            } else if (target == null) {
                problems.error(at + ".container", "no container '" + d.container() + "' in this task; the containers are "
                        + String.join(", ", all.keySet()) + DidYouMean.hint(d.container(), all.keySet()));
            } else if (ContainerDependency.HEALTHY.equals(d.condition()) && target.healthCheck() == null) {
                problems.error(at + ".condition", "condition HEALTHY needs a health check on '" + d.container()
                        + "'; add " + (target.path().contains(".sidecars.") ? target.path() : "services." + target.name())
                        + ".healthCheck, or wait for START");
            } else if ((ContainerDependency.SUCCESS.equals(d.condition()) || ContainerDependency.COMPLETE.equals(d.condition()))
                    && target.essential()) {
                problems.error(at + ".condition", "condition " + d.condition() + " waits for '" + d.container()
                        + "' to exit, but it is essential and its exit would stop the task; ECS refuses this — "
                        + "make it essential: false, or wait for START or HEALTHY");
            }
        }
        if (!ContainerSettings.LOGGING.contains(set.logging())) {
            problems.error(c.path() + ".logging", "logging '" + set.logging() + "' is not awslogs, firelens or none"
                    + DidYouMean.hint(set.logging(), ContainerSettings.LOGGING));
        } else if (ContainerSettings.FIRELENS.equals(set.logging())
                && all.values().stream().noneMatch(x -> x.firelens() != null)) {
            problems.error(c.path() + ".logging", "logging: firelens routes logs through the task's FireLens router, "
                    + "but no sidecar has 'firelens'; add one (e.g. aws-for-fluent-bit with firelens: {type: fluentbit}) "
                    + "or use logging: awslogs");
        } else if (ContainerSettings.FIRELENS.equals(set.logging()) && c.firelens() != null) {
            problems.error(c.path() + ".logging", "the FireLens router cannot send its own logs through itself; "
                    + "leave its logging as awslogs");
        }
        List<MountPoint> mounts = set.mountPoints();
        for (int i = 0; i < mounts.size(); i++) {
            MountPoint m = mounts.get(i);
            String at = c.path() + ".mountPoints[" + i + "]";
            if (!s.task().volumes().containsKey(m.sourceVolume())) {
                problems.error(at + ".sourceVolume", "no volume '" + m.sourceVolume() + "' in this service; declare it "
                        + "under volumes" + DidYouMean.hint(m.sourceVolume(), s.task().volumes().keySet()));
            }
            if (!m.containerPath().startsWith("/")) {
                problems.error(at + ".containerPath", "containerPath '" + m.containerPath() + "' must be absolute (start with /)");
            }
        }
        if (set.stopTimeout() != null && (set.stopTimeout() < 2 || set.stopTimeout() > 120)) {
            problems.error(c.path() + ".stopTimeout", "stopTimeout " + set.stopTimeout()
                    + " is outside what Fargate accepts (2 to 120 seconds)");
        }
        List<Ulimit> ulimits = set.ulimits();
        for (int i = 0; i < ulimits.size(); i++) {
            if (ulimits.get(i).softLimit() > ulimits.get(i).hardLimit()) {
                problems.error(c.path() + ".ulimits[" + i + "].softLimit", "softLimit " + ulimits.get(i).softLimit()
                        + " is above hardLimit " + ulimits.get(i).hardLimit() + "; raise hardLimit or lower softLimit");
            }
        }
    }

    /** Depth-first search over dependsOn; a back edge is a cycle ECS would never start. */
    private static void cycles(Map<String, Container> all, Problems problems) {
        Map<String, Integer> state = new HashMap<>();
        for (String start : all.keySet()) {
            List<String> stack = new ArrayList<>();
            if (cycleFrom(start, all, state, stack)) {
                Container first = all.get(stack.get(0));
                problems.error(first.path() + ".dependsOn", "containers wait for each other in a circle ("
                        + String.join(" → ", stack) + "), so none would ever start; remove one of these dependsOn entries");
                return;
            }
        }
    }

    private static boolean cycleFrom(String name, Map<String, Container> all, Map<String, Integer> state,
            List<String> stack) {
        Integer s = state.get(name);
        if (s != null && s == 2) {
            return false;
        }
        if (s != null && s == 1) {
            stack.subList(0, stack.indexOf(name)).clear();
            stack.add(name);
            return true;
        }
        state.put(name, 1);
        stack.add(name);
        for (ContainerDependency d : all.get(name).settings().dependsOn()) {
            if (all.containsKey(d.container()) && !d.container().equals(name) && cycleFrom(d.container(), all, state, stack)) {
                return true;
            }
        }
        stack.remove(stack.size() - 1);
        state.put(name, 2);
        return false;
    }

    private static void routers(Map<String, Container> all, String path, Problems problems) {
        List<Container> routers = all.values().stream().filter(c -> c.firelens() != null).toList();
        if (routers.size() > 1) {
            problems.error(routers.get(1).path() + ".firelens", "a task has at most one FireLens log router; "
                    + routers.get(0).name() + " already is one — remove firelens from " + routers.get(1).name());
        }
    }

    /** Sidecars reserve part of the task; in every environment (overrides applied) the main container must keep some. */
    private static void fits(DeploySpec spec, String name, ServiceSpec s, String path, Problems problems) {
        if (s.sidecars().isEmpty()) {
            return;
        }
        int cpu = 0;
        int memory = 0;
        for (Sidecar c : s.sidecars().values()) {
            cpu += c.cpu() == null ? 0 : c.cpu();
            memory += Math.max(c.memory() == null ? 0 : c.memory(), c.memoryReservation() == null ? 0 : c.memoryReservation());
        }
        List<String> where = new ArrayList<>(List.of(""));
        spec.environments().keySet().forEach(where::add);
        for (String env : where) {
            ServiceOverride o = env.isEmpty() ? ServiceOverride.NONE : s.overrides().getOrDefault(env, ServiceOverride.NONE);
            int taskCpu = o.cpu() != null ? o.cpu() : s.cpu();
            int taskMemory = o.memory() != null ? o.memory() : s.memory();
            String in = env.isEmpty() ? "" : " in " + env;
            if (taskCpu > 0 && cpu >= taskCpu) {
                problems.error(path + ".sidecars", "the sidecars reserve " + cpu + " CPU units but the task has " + taskCpu
                        + in + ", leaving nothing for the main container; lower the sidecars' cpu or raise the task's");
                return;
            }
            if (taskMemory > 0 && memory >= taskMemory) {
                problems.error(path + ".sidecars", "the sidecars reserve " + memory + " MiB but the task has " + taskMemory
                        + " MiB" + in + ", leaving nothing for the main container; lower the sidecars' memory or raise the task's");
                return;
            }
        }
    }

    private static void task(TaskSettings t, String path, Problems problems) {
        if (t.ephemeralStorage() != null && (t.ephemeralStorage() < 21 || t.ephemeralStorage() > 200)) {
            problems.error(path + ".ephemeralStorage", "ephemeralStorage " + t.ephemeralStorage() + " GiB is outside what "
                    + "Fargate accepts (21 to 200); leave it out for the free 20 GiB");
        }
        t.volumes().forEach((n, v) -> {
            if (v instanceof Volume.Efs e) {
                String at = path + ".volumes." + n + ".efs";
                if (e.fileSystemId() != null && !FILE_SYSTEM.matcher(e.fileSystemId()).matches()) {
                    problems.error(at + ".fileSystemId", "'" + e.fileSystemId() + "' is not an EFS file system id (fs-…)");
                }
                if (e.accessPointId() != null && !ACCESS_POINT.matcher(e.accessPointId()).matches()) {
                    problems.error(at + ".accessPointId", "'" + e.accessPointId() + "' is not an EFS access point id (fsap-…)");
                }
                if ((e.accessPointId() != null || e.iam()) && !e.transitEncryption()) {
                    problems.error(at + ".transitEncryption", "ECS needs transitEncryption: true with an access point or "
                            + "IAM authorisation; set it");
                }
            }
        });
        extra(t.extra(), path + ".taskDefinition.extra", EcsFieldNames.TASK_DEFINITION, EcsFieldNames.TYPED_TASK,
                EcsFieldNames.TASK_SHAPES, problems);
    }

    static void extra(Map<String, Object> extra, String path, List<String> known, Map<String, String> typed,
            Map<String, EcsFieldNames.Shape> shapes, Problems problems) {
        extra.forEach((key, value) -> {
            EcsFieldNames.Shape shape = shapes.get(key);
            if (shape != null && !shape.fits(value)) {
                problems.error(path + "." + key, "'" + key + "' is " + EcsFieldNames.Shape.of(value) + " here; ECS takes "
                        + shape.words() + " for it — write it as RegisterTaskDefinition's JSON has it");
            }
        });
        extra.keySet().forEach(key -> {
            if (typed.containsKey(key)) {
                problems.error(path + "." + key, "'" + key + "' is a field driftless sets (" + typed.get(key)
                        + "); set it there, not in extra");
            } else if (!known.contains(key)) {
                String hint = DidYouMean.hint(key, known);
                problems.error(path + "." + key, "'" + key + "' is not a field ECS knows here" + (hint.isEmpty()
                        ? "; extra takes RegisterTaskDefinition's camelCase names" : hint));
            }
        });
    }
}
