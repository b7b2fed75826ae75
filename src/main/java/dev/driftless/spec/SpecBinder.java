package dev.driftless.spec;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Binds a spec's node tree into a {@link DeploySpec}: the application, its environments and the small
 * settings objects ({@link ServiceBinder} does services, {@link ScheduleBinder} schedules). Binding
 * never stops at a problem: a wrong or missing value is reported and left null, so one run of
 * {@code validate} lists everything.
 */
final class SpecBinder {
    private final Problems problems;

    SpecBinder(Problems problems) {
        this.problems = problems;
    }

    /** The bound spec, or null when the document is not a mapping at all. */
    DeploySpec bind(Node root) {
        if (root == null) {
            problems.error("", "the file is empty; a deploy-spec starts with 'apiVersion: " + DeploySpec.API_VERSION
                    + "' and 'kind: " + DeploySpec.KIND + "'");
            return null;
        }
        return MappingReader.object(root, "", Shapes.APPLICATION, problems).map(this::application).orElse(null);
    }

    private DeploySpec application(MappingReader m) {
        String apiVersion = m.requiredString("apiVersion");
        String kind = m.requiredString("kind");
        String name = m.requiredString("name");
        String account = m.requiredString("account");
        String region = m.requiredString("region");
        Map<String, String> tags = m.stringMap("tags", "tag");
        Budget budget = m.object("budget", Shapes.BUDGET)
                .map(b -> new Budget(b.decimal("monthlyUsd"), b.decimals("alerts"),
                        b.named("environments", "environment", (env, node, path) -> Scalars.decimal(node, path, problems))))
                .orElse(null);
        CostSettings cost = m.object("cost", Shapes.COST).map(this::cost).orElse(null);
        TrackerSpec tracker = m.object("tracker", Shapes.TRACKER).map(t -> new TrackerSpec(
                t.requiredString("path"), t.string("branch"), t.stringMap("checklist", "checklist item"),
                orZero(t.integer("history")))).orElse(null);
        DeploySettings deploy = m.object("deploy", Shapes.DEPLOY)
                .map(d -> new DeploySettings(duration(d, "timeout"), retain(d), d.strings("before")))
                .orElse(null);
        m.require("environments");
        Map<String, EnvironmentSpec> environments = m.named("environments", "environment", this::environment);
        m.require("services");
        ServiceBinder services = new ServiceBinder(problems);
        Map<String, ServiceSpec> serviceSpecs = m.named("services", "service", services::service);
        Roles roles = m.object("roles", Shapes.ROLES).map(r -> new Roles(r.string("execution"), r.string("task")))
                .orElse(null);
        Logs logs = m.object("logs", Shapes.LOGS).map(l -> new Logs(l.requiredString("group"),
                orDefault(l.integer("retentionDays"), Defaults.LOG_RETENTION_DAYS))).orElse(null);
        TestSpec test = m.object("test", Shapes.TEST).map(t -> new TestSpec(t.strings("commands"), t.string("reports"),
                duration(t, "timeout"), Boolean.TRUE.equals(t.bool("inImage")))).orElse(null);
        Map<String, OneOffTask> tasks = m.named("tasks", "task", this::task);
        return new DeploySpec(problems.file(), apiVersion, kind, name, account, region, tags, budget, cost, tracker,
                deploy, environments, serviceSpecs, roles, logs, test, tasks);
    }

    private OneOffTask task(String name, Node node, String path) {
        return MappingReader.object(node, path, Shapes.TASK, problems).map(t -> new OneOffTask(name,
                t.requiredString("service"), t.require("command") ? t.strings("command") : null,
                t.stringMap("environment", "variable"), t.integer("cpu"), t.integer("memory"), duration(t, "timeout")))
                .orElse(null);
    }

    private CostSettings cost(MappingReader c) {
        List<CostSettings.FixedCost> fixed = c.list("fixed", (node, path) ->
                MappingReader.object(node, path, Shapes.FIXED_COST, problems).map(f -> {
                    String name = f.requiredString("name");
                    Double usd = f.require("monthlyUsd") ? f.decimal("monthlyUsd") : null;
                    return name == null || usd == null ? null
                            : new CostSettings.FixedCost(name, usd, f.string("environment"));
                }).orElse(null));
        Map<String, Double> prices = c.object("prices", Shapes.PRICES).map(p -> {
            Map<String, Double> out = new java.util.LinkedHashMap<>();
            for (String key : p.keys()) {
                Double v = p.decimal(key);
                if (v != null) {
                    out.put(key, v);
                }
            }
            return out;
        }).orElse(null);
        return new CostSettings(c.string("tag"), fixed, prices);
    }

    private EnvironmentSpec environment(String name, Node node, String path) {
        return MappingReader.object(node, path, Shapes.ENVIRONMENT, problems).map(e -> new EnvironmentSpec(
                name,
                e.requiredString("cluster"),
                e.string("role"),
                capacity(e),
                e.object("network", Shapes.NETWORK).map(n -> new Network(n.strings("subnets"),
                        n.strings("securityGroups"), Boolean.TRUE.equals(n.bool("publicIp")))).orElse(null),
                e.object("schedule", Shapes.SCHEDULE).map(new ScheduleBinder(problems)::schedule).orElse(null),
                duration(e, "timeout"),
                e.string("url"),
                fallbackFor(e))).orElse(null);
    }

    /** capacity.fallbackFor of the environment whose capacity was bound last (read with its mapping). */
    private Duration fallbackFor;

    private Duration fallbackFor(MappingReader e) {
        Duration d = fallbackFor;
        fallbackFor = null;
        return d;
    }

    private Capacity capacity(MappingReader e) {
        Node node = e.node("capacity");
        String path = e.child("capacity");
        if (node == null) {
            return null;
        }
        if (node instanceof org.yaml.snakeyaml.nodes.MappingNode) {
            return MappingReader.object(node, path, Shapes.MIXED_CAPACITY, problems).map(m -> {
                int spot = orZero(m.integer("spot"));
                int onDemand = orZero(m.integer("onDemand"));
                int base = orZero(m.integer("base"));
                Duration d = duration(m, "fallbackFor");
                // the duration reader already refuses more than 120h
                if (d != null && d.compareTo(Duration.ofMinutes(1)) < 0) {
                    problems.error(m.child("fallbackFor"), "fallbackFor " + Durations.format(d) + " is shorter than 1m; "
                            + "it is how long a service stays on on-demand after Fargate Spot had no capacity (e.g. 1h)");
                    d = null;
                }
                fallbackFor = d;
                return (Capacity) new Capacity.Mixed(spot, onDemand, base);
            }).orElse(null);
        }
        String text = Scalars.text(node, path, problems);
        if (text == null) {
            return null;
        }
        switch (text) {
            case "spot" -> {
                return new Capacity.Spot();
            }
            case "on-demand" -> {
                return new Capacity.OnDemand();
            }
            default -> {
                problems.error(path, "capacity is 'spot', 'on-demand' or a mapping {spot: N, onDemand: N, base: N}, not '"
                        + text + "'" + DidYouMean.hint(text, List.of("spot", "on-demand")));
                return null;
            }
        }
    }

    /** A duration field; reported and null when it does not read as one. */
    Duration duration(MappingReader m, String key) {
        String text = m.string(key);
        if (text == null) {
            return null;
        }
        Duration d = Durations.parse(text);
        if (d == null) {
            problems.error(m.child(key), "'" + text + "' is not a duration; write it like 90s, 30m, 1h30m or PT30M");
            return null;
        }
        String range = Durations.rangeProblem(d);
        if (range != null) {
            problems.error(m.child(key), "duration '" + text + "' " + range);
            return null;
        }
        return d;
    }

    /** deploy.retain, checked here because DeploySettings reads 0 as "not given" (the default 10). */
    private int retain(MappingReader d) {
        Integer retain = d.integer("retain");
        if (retain != null && retain < 1) {
            problems.error(d.child("retain"), "retain " + retain + " must be at least 1 (task definition revisions kept)");
        }
        return orZero(retain);
    }

    static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
