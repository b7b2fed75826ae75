package dev.driftless.spec;

import java.time.Duration;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** Binds one entry of {@code services:} with its image, health check, load balancer, scaling and overrides. */
final class ServiceBinder {
    private final Problems problems;

    ServiceBinder(Problems problems) {
        this.problems = problems;
    }

    ServiceSpec service(String name, Node node, String path) {
        return MappingReader.object(node, path, Shapes.SERVICE, problems).map(s -> {
            ImageSpec image = s.require("image") ? s.object("image", Shapes.IMAGE).map(this::image).orElse(null) : null;
            Integer cpu = s.require("cpu") ? s.integer("cpu") : null;
            Integer memory = s.require("memory") ? s.integer("memory") : null;
            Integer port = s.integer("port");
            LoadBalancer lb = s.object("loadBalancer", Shapes.LOAD_BALANCER).map(l -> {
                String arn = l.requiredString("targetGroupArn");
                Integer containerPort = l.integer("containerPort");
                if (containerPort == null && port == null) {
                    problems.error(l.path(), "missing 'containerPort' (and the service has no 'port' to default it to)");
                }
                return new LoadBalancer(arn, containerPort != null ? containerPort : port == null ? 0 : port,
                        l.string("alternateTargetGroupArn"), l.string("productionListenerRule"),
                        l.string("testListenerRule"), l.string("role"));
            }).orElse(null);
            ContainerBinder containers = new ContainerBinder(problems, this);
            String runtimePlatform = containers.runtimePlatform(s);
            return new ServiceSpec(
                    name,
                    image,
                    SpecBinder.orZero(cpu),
                    SpecBinder.orZero(memory),
                    runtimePlatform != null ? runtimePlatform : s.string("architecture"),
                    port,
                    s.strings("command"),
                    s.stringMap("environment", "variable"),
                    s.stringMap("secrets", "secret"),
                    s.object("healthCheck", Shapes.HEALTH_CHECK).map(this::healthCheck).orElse(null),
                    lb,
                    SpecBinder.orDefault(s.integer("desiredCount"), Defaults.DESIRED_COUNT),
                    s.object("autoscaling", Shapes.AUTOSCALING).map(this::autoscaling).orElse(null),
                    s.named("overrides", "override", this::override),
                    s.object("deploy", Shapes.SERVICE_DEPLOY).map(this::deploy).orElse(null),
                    containers.sidecars(s),
                    containers.settings(s, "containerExtra"),
                    containers.task(s),
                    shape(s));
        }).orElse(null);
    }

    /** A deploy wait: like other durations, but zero is allowed (ECS then does not wait). */
    private Duration wait(MappingReader m, String key) {
        String text = m.string(key);
        if (text == null) {
            return null;
        }
        Duration d = Durations.parse(text);
        if (d == null || d.isNegative()) {
            problems.error(m.child(key), "'" + text + "' is not a duration; write it like 10m, 1h30m or PT10M");
            return null;
        }
        return d;
    }

    private TaskShape shape(MappingReader s) {
        List<TaskShape.Port> ports = s.list("ports", (node, path) -> MappingReader.object(node, path, Shapes.PORT, problems)
                .map(p -> new TaskShape.Port(SpecBinder.orZero(p.require("containerPort") ? p.integer("containerPort") : null),
                        p.string("protocol"), p.string("name"), p.string("appProtocol"))).orElse(null));
        Roles roles = s.object("roles", Shapes.ROLES).map(r -> new Roles(r.string("execution"), r.string("task"))).orElse(null);
        return new TaskShape(s.string("taskFamily"), s.string("containerName"), ports,
                s.stringMap("logOptions", "log option"), roles);
    }

    ImageSpec image(MappingReader i) {
        ImageSpec.BuildSpec build = i.object("build", Shapes.BUILD).map(b -> new ImageSpec.BuildSpec(
                b.string("context"), b.string("dockerfile"), b.stringMap("args", "build argument"),
                b.string("platform"))).orElse(null);
        ImageSpec.ScanSpec scan = i.object("scan", Shapes.SCAN).map(s -> new ImageSpec.ScanSpec(s.string("failOn")))
                .orElse(null);
        ImageSpec.Lifecycle lifecycle = i.object("lifecycle", Shapes.LIFECYCLE).map(l -> new ImageSpec.Lifecycle(
                SpecBinder.orDefault(l.integer("keepTagged"), ImageSpec.Lifecycle.DEFAULT.keepTagged()),
                SpecBinder.orDefault(l.integer("untaggedDays"), ImageSpec.Lifecycle.DEFAULT.untaggedDays())))
                .orElse(null);
        Boolean immutable = i.bool("immutableTags");
        return new ImageSpec(i.requiredString("repository"), build, scan,
                immutable == null ? Defaults.IMMUTABLE_TAGS : immutable, lifecycle, i.string("encryption"),
                i.string("kmsKey"));
    }

    HealthCheck healthCheck(MappingReader h) {
        return new HealthCheck(h.require("command") ? h.strings("command") : null,
                SpecBinder.orZero(h.integer("interval")), SpecBinder.orZero(h.integer("timeout")),
                SpecBinder.orZero(h.integer("retries")), SpecBinder.orZero(h.integer("startPeriod")));
    }

    private Autoscaling autoscaling(MappingReader a) {
        Integer min = a.require("min") ? a.integer("min") : null;
        Integer max = a.require("max") ? a.integer("max") : null;
        return new Autoscaling(SpecBinder.orZero(min), SpecBinder.orZero(max), a.integer("cpuPercent"),
                a.integer("memoryPercent"));
    }

    private ServiceOverride override(String environment, Node node, String path) {
        return MappingReader.object(node, path, Shapes.OVERRIDE, problems).map(o -> new ServiceOverride(
                o.integer("cpu"), o.integer("memory"), o.integer("desiredCount"),
                o.stringMap("environment", "variable"), o.stringMap("secrets", "secret"),
                o.object("autoscaling", Shapes.AUTOSCALING).map(this::autoscaling).orElse(null),
                o.object("deploy", Shapes.SERVICE_DEPLOY).map(this::deploy).orElse(null))).orElse(null);
    }

    private ServiceDeploy deploy(MappingReader d) {
        ServiceDeploy.Canary canary = d.object("canary", Shapes.CANARY)
                .map(c -> new ServiceDeploy.Canary(c.decimal("percent"), wait(c, "wait"))).orElse(null);
        ServiceDeploy.Linear linear = d.object("linear", Shapes.LINEAR)
                .map(l -> new ServiceDeploy.Linear(l.decimal("stepPercent"), wait(l, "stepWait")))
                .orElse(null);
        List<ServiceDeploy.Hook> hooks = d.list("hooks", (node, path) ->
                MappingReader.object(node, path, Shapes.HOOK, problems).map(h -> {
                    String lambda = h.requiredString("lambda");
                    List<String> stages = h.require("stages") ? h.strings("stages") : null;
                    return lambda == null || stages == null ? null : new ServiceDeploy.Hook(lambda, stages);
                }).orElse(null));
        return new ServiceDeploy(d.string("strategy"), wait(d, "bakeTime"), canary, linear,
                d.strings("alarms"), hooks, d.integer("deploysPerMonth"));
    }
}
