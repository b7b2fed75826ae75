package dev.driftless.adopt;

import dev.driftless.plan.Carried;
import dev.driftless.plan.LiveScaling;
import dev.driftless.plan.ServiceSettings;
import dev.driftless.plan.TaskDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes one readable deploy-spec for services that already run, such that rendering it gives back what
 * runs: the first plan shows no change and the first deploy registers nothing. Pure: the caller reads ECS
 * or the files and writes the text where the user asked.
 *
 * <p>Nothing is dropped silently. A field the spec cannot say is either kept by every deploy anyway (volumes,
 * ephemeral storage, sidecars, ...: listed at the top as "kept from the live task definition") or would be
 * changed by the first deploy (listed as "the spec cannot say"); each is also one warning line.
 */
public final class SpecDraft {
    private static final String FARGATE = "FARGATE";
    private static final String FARGATE_SPOT = "FARGATE_SPOT";
    private static final String FIRELENS_DRIVER = "awsfirelens";

    /** The spec's text and one line per field the spec cannot hold. */
    public record Draft(String yaml, List<String> warnings) {
        public Draft {
            warnings = List.copyOf(warnings);
        }
    }

    private final Adoption a;
    private final List<String> kept = new ArrayList<>();
    private final List<String> unsaid = new ArrayList<>();

    private SpecDraft(Adoption adoption) {
        this.a = adoption;
    }

    public static Draft write(Adoption adoption) {
        return new SpecDraft(adoption).draft();
    }

    private Draft draft() {
        StringBuilder body = new StringBuilder();
        body.append("apiVersion: driftless/v1\nkind: Application\n");
        body.append("name: ").append(YamlText.scalar(a.application())).append('\n');
        body.append("account: ").append(YamlText.quoted(a.account())).append('\n');
        body.append("region: ").append(YamlText.scalar(a.region())).append('\n');
        Map<String, String> common = commonTags();
        if (!common.isEmpty()) {
            body.append("tags:\n");
            common.forEach((k, v) -> body.append("  ").append(YamlText.scalar(k)).append(": ").append(YamlText.scalar(v)).append('\n'));
        }
        environment(body);
        List<String> roles = sharedRoles();
        if (roles != null) {
            body.append("roles:\n");
            if (roles.get(0) != null) {
                body.append("  execution: ").append(YamlText.scalar(roles.get(0))).append('\n');
            }
            if (roles.get(1) != null) {
                body.append("  task: ").append(YamlText.scalar(roles.get(1))).append('\n');
            }
        }
        body.append("services:\n");
        for (AdoptedService s : a.services()) {
            service(body, s, roles == null);
        }
        StringBuilder head = new StringBuilder();
        head.append("# yaml-language-server: $schema=").append(a.modeline()).append('\n');
        head.append("#\n# ").append(YamlText.comment(a.application())).append(": written by `driftless init` from ")
                .append(YamlText.comment(a.source())).append(".\n");
        head.append("# `driftless plan --env ").append(YamlText.comment(a.environment()))
                .append("` should show no change; the first deploy only adds driftless's tags.\n");
        if (!kept.isEmpty()) {
            head.append("#\n# Kept from the live task definitions — the spec does not model these; every deploy registers\n"
                    + "# them again unchanged (docs/migrate.md):\n");
            kept.forEach(k -> head.append("#   ").append(YamlText.comment(k)).append('\n'));
        }
        if (!unsaid.isEmpty()) {
            head.append("#\n# The spec cannot say these; the first deploy would change them (plan lists each):\n");
            unsaid.forEach(k -> head.append("#   ").append(YamlText.comment(k)).append('\n'));
        }
        head.append('\n');
        List<String> warnings = new ArrayList<>();
        kept.forEach(k -> warnings.add("not in the spec, kept by every deploy: " + k));
        unsaid.forEach(k -> warnings.add("the spec cannot say this, the first deploy would change it: " + k));
        return new Draft(head + body.toString(), warnings);
    }

    private void environment(StringBuilder b) {
        b.append("environments:\n  ").append(YamlText.scalar(a.environment())).append(":\n");
        b.append("    cluster: ").append(YamlText.scalar(a.cluster())).append('\n');
        b.append("    # role: arn:aws:iam::").append(a.account()).append(":role/").append(a.application()).append("-deploy-")
                .append(a.environment()).append("   # the role GitHub OIDC assumes for this environment (docs/auth.md)\n");
        List<AdoptedService> withSettings = a.services().stream().filter(s -> s.settings() != null).toList();
        if (withSettings.isEmpty()) {
            b.append("    capacity: on-demand   # no service definition was given: assumed\n");
            return;
        }
        ServiceSettings first = withSettings.get(0).settings();
        b.append("    capacity: ").append(capacity(first.capacityProviderStrategy(), withSettings.get(0).name())).append('\n');
        if (first.network() != null) {
            ServiceSettings.NetworkSettings n = first.network();
            b.append("    network:\n");
            b.append("      subnets: ").append(ContainerYaml.flow(n.subnets())).append('\n');
            b.append("      securityGroups: ").append(ContainerYaml.flow(n.securityGroups())).append('\n');
            b.append("      publicIp: ").append(n.assignPublicIp()).append('\n');
        }
        for (AdoptedService s : withSettings.subList(1, withSettings.size())) {
            if (!placing(s.settings().capacityProviderStrategy()).equals(placing(first.capacityProviderStrategy()))) {
                unsaid.add(s.name() + ": capacity " + strategy(s.settings().capacityProviderStrategy())
                        + " (the environment's is " + strategy(first.capacityProviderStrategy()) + ", one per environment)");
            }
            if (!Objects.equals(s.settings().network(), first.network())) {
                unsaid.add(s.name() + ": network " + network(s.settings().network()) + " (the environment's is "
                        + network(first.network()) + ", one per environment)");
            }
        }
    }

    private String capacity(List<ServiceSettings.CapacityItem> strategy, String service) {
        List<ServiceSettings.CapacityItem> placing = placing(strategy);
        ServiceSettings.CapacityItem spot = placing.stream().filter(i -> FARGATE_SPOT.equals(i.provider())).findFirst().orElse(null);
        ServiceSettings.CapacityItem onDemand = placing.stream().filter(i -> FARGATE.equals(i.provider())).findFirst().orElse(null);
        if (placing.stream().anyMatch(i -> !FARGATE.equals(i.provider()) && !FARGATE_SPOT.equals(i.provider()))) {
            unsaid.add(service + ": capacity providers " + strategy(strategy) + " (driftless runs on FARGATE and FARGATE_SPOT only)");
        }
        if (spot != null && spot.base() > 0) {
            unsaid.add(service + ": a base of " + spot.base() + " on FARGATE_SPOT (the spec puts the base on FARGATE)");
        }
        if (spot == null && (onDemand == null || onDemand.weight() == 1 && onDemand.base() == 0)) {
            return "on-demand";
        }
        if (onDemand == null && spot.weight() == 1) {
            return "spot";
        }
        return "{ spot: " + (spot == null ? 0 : spot.weight()) + ", onDemand: " + (onDemand == null ? 0 : onDemand.weight())
                + ", base: " + (onDemand == null ? 0 : onDemand.base()) + " }";
    }

    private void service(StringBuilder b, AdoptedService s, boolean ownRoles) {
        TaskDefinition td = s.taskDefinition();
        TaskDefinition.Container c = td.container();
        String ind = "    ";
        b.append("  ").append(YamlText.scalar(s.name())).append(":\n");
        if (c == null) {
            unsaid.add(s.name() + ": the task definition has no container");
            return;
        }
        ImageName image = ImageName.parse(c.image(), a.account(), a.region());
        b.append(ind).append("image:\n").append(ind).append("  repository: ").append(YamlText.scalar(image.repository()));
        b.append(image.reference() == null ? "\n" : "   # runs " + YamlText.comment(image.reference()) + " now\n");
        if (!image.inOwnEcr()) {
            kept.add(s.name() + ": image " + c.image() + " is not in this account's ECR; plan and deploy keep it until"
                    + " --image-tag/--images names a new one");
        }
        String defaultFamily = a.application() + "-" + a.environment() + "-" + s.name();
        if (!defaultFamily.equals(td.family())) {
            b.append(ind).append("taskFamily: ").append(YamlText.scalar(td.family())).append('\n');
        }
        if (!s.name().equals(c.name())) {
            b.append(ind).append("containerName: ").append(YamlText.scalar(c.name())).append('\n');
        }
        b.append(ind).append("cpu: ").append(td.cpu()).append('\n');
        b.append(ind).append("memory: ").append(td.memory()).append('\n');
        if (!"X86_64".equals(td.cpuArchitecture())) {
            b.append(ind).append("architecture: ").append(YamlText.scalar(td.cpuArchitecture())).append('\n');
        }
        if (td.ephemeralStorage() != null) {
            b.append(ind).append("ephemeralStorage: ").append(td.ephemeralStorage()).append('\n');
        }
        ContainerYaml.volumes(b, td, ind);
        if (!td.extra().isEmpty()) {
            b.append(ind).append("taskDefinition:\n").append(ind).append("  extra: ").append(ContainerYaml.json(td.extra())).append('\n');
        }
        if (s.settings() != null && s.settings().enableExecuteCommand()) {
            b.append(ind).append("enableExecuteCommand: true\n");
        }
        ports(b, s, c, ind);
        if (!c.command().isEmpty()) {
            b.append(ind).append("command: ").append(ContainerYaml.flow(c.command())).append('\n');
        }
        ContainerYaml.map(b, ind, "environment", c.environment());
        Map<String, String> secrets = new TreeMap<>();
        c.secrets().forEach((k, v) -> secrets.put(k, secretArn(v)));
        ContainerYaml.map(b, ind, "secrets", secrets);
        ContainerYaml.healthCheck(b, ind, c.healthCheck());
        ContainerYaml.containerSettings(b, ind, c, "containerExtra");
        if (c.logConfiguration() == null) {
            b.append(ind).append("logging: none\n");
        } else {
            if ("awslogs".equals(c.logConfiguration().logDriver())) {
                ContainerYaml.map(b, ind, "logOptions", c.logConfiguration().options());
            } else if (FIRELENS_DRIVER.equals(c.logConfiguration().logDriver())) {
                b.append(ind).append("logging: firelens\n");
                firelensOptions(s.name() + ": container " + c.name(), c.logConfiguration().options());
            } else {
                unsaid.add(s.name() + ": log driver " + c.logConfiguration().logDriver() + " " + c.logConfiguration().options()
                        + " (the spec writes awslogs)");
            }
        }
        if (ownRoles && (td.executionRoleArn() != null || td.taskRoleArn() != null)) {
            b.append(ind).append("roles:\n");
            if (td.executionRoleArn() != null) {
                b.append(ind).append("  execution: ").append(YamlText.scalar(td.executionRoleArn())).append('\n');
            }
            if (td.taskRoleArn() != null) {
                b.append(ind).append("  task: ").append(YamlText.scalar(td.taskRoleArn())).append('\n');
            }
        }
        sidecars(b, s, td, ind);
        ServiceSettings st = s.settings();
        if (st != null) {
            b.append(ind).append("desiredCount: ").append(st.desiredCount()).append('\n');
        }
        LiveScaling sc = s.scaling();
        if (sc != null) {
            b.append(ind).append("autoscaling: { min: ").append(sc.min()).append(", max: ").append(sc.max());
            if (sc.cpuPercent() != null) {
                b.append(", cpuPercent: ").append(sc.cpuPercent());
            }
            if (sc.memoryPercent() != null) {
                b.append(", memoryPercent: ").append(sc.memoryPercent());
            }
            b.append(" }\n");
        }
        notes(s, td, c);
    }

    /** Every container beside the main one, as a sidecar with its image written in full. */
    private void sidecars(StringBuilder b, AdoptedService s, TaskDefinition td, String ind) {
        if (td.sidecars().isEmpty()) {
            return;
        }
        String in = ind + "    ";
        b.append(ind).append("sidecars:\n");
        TaskDefinition.LogConfiguration mainLogs = td.container().logConfiguration();
        for (TaskDefinition.Container x : td.sidecars().values()) {
            String who = s.name() + ": sidecar " + x.name();
            b.append(ind).append("  ").append(YamlText.scalar(x.name())).append(":\n");
            b.append(in).append("image: ").append(YamlText.quoted(x.image())).append('\n');
            if (x.essential()) {
                b.append(in).append("essential: true\n");
            }
            if (x.cpu() != null) {
                b.append(in).append("cpu: ").append(x.cpu()).append('\n');
            }
            if (x.memory() != null) {
                b.append(in).append("memory: ").append(x.memory()).append('\n');
            }
            if (x.memoryReservation() != null) {
                b.append(in).append("memoryReservation: ").append(x.memoryReservation()).append('\n');
            }
            if (!x.portMappings().isEmpty()) {
                TaskDefinition.PortMapping p = x.portMappings().get(0);
                b.append(in).append("port: ").append(p.containerPort()).append('\n');
                if (x.portMappings().size() > 1 || !"tcp".equals(p.protocol()) || p.name() != null || p.appProtocol() != null) {
                    unsaid.add(who + ": ports " + x.portMappings().stream().map(TaskDefinition.PortMapping::text).toList()
                            + " (a sidecar has one tcp port)");
                }
            }
            ContainerYaml.map(b, in, "environment", x.environment());
            Map<String, String> secrets = new TreeMap<>();
            x.secrets().forEach((k, v) -> secrets.put(k, secretArn(v)));
            ContainerYaml.map(b, in, "secrets", secrets);
            if (!x.command().isEmpty()) {
                b.append(in).append("command: ").append(ContainerYaml.flow(x.command())).append('\n');
            }
            if (!x.entryPoint().isEmpty()) {
                b.append(in).append("entryPoint: ").append(ContainerYaml.flow(x.entryPoint())).append('\n');
            }
            ContainerYaml.healthCheck(b, in, x.healthCheck());
            if (x.firelens() != null) {
                b.append(in).append("firelens: { type: ").append(YamlText.scalar(x.firelens().type()));
                if (!x.firelens().options().isEmpty()) {
                    b.append(", options: ").append(ContainerYaml.json(x.firelens().options()));
                }
                b.append(" }\n");
            }
            TaskDefinition.LogConfiguration logs = x.logConfiguration();
            if (logs == null) {
                b.append(in).append("logging: none\n");
            } else if (FIRELENS_DRIVER.equals(logs.logDriver())) {
                b.append(in).append("logging: firelens\n");
                firelensOptions(who, logs.options());
            } else if (!"awslogs".equals(logs.logDriver())) {
                unsaid.add(who + ": log driver " + logs.logDriver() + " " + logs.options() + " (the spec writes awslogs)");
            } else if (mainLogs == null || !logs.equals(mainLogs)) {
                ContainerYaml.map(b, in, "logOptions", logs.options());
            }
            ContainerYaml.containerSettings(b, in, x, "extra");
        }
    }

    /** FireLens output options are the router's; the spec renders its own (the log group) with fluentbit. */
    private void firelensOptions(String who, Map<String, String> options) {
        if (!options.isEmpty()) {
            unsaid.add(who + ": FireLens output options " + options + " (the spec routes to its logs group through the router)");
        }
    }

    /** The port the load balancer uses (else the first plain tcp one) as {@code port}, every other one under {@code ports}. */
    private void ports(StringBuilder b, AdoptedService s, TaskDefinition.Container c, String ind) {
        List<ServiceSettings.LoadBalancerBinding> lbs = s.settings() == null ? List.of() : s.settings().loadBalancers();
        Integer lbPort = lbs.isEmpty() ? null : lbs.get(0).containerPort();
        TaskDefinition.PortMapping main = c.portMappings().stream()
                .filter(p -> "tcp".equals(p.protocol()) && p.name() == null && p.appProtocol() == null)
                .filter(p -> lbPort == null || p.containerPort() == lbPort)
                .findFirst().orElse(null);
        if (main != null) {
            b.append(ind).append("port: ").append(main.containerPort()).append('\n');
        }
        List<TaskDefinition.PortMapping> rest = c.portMappings().stream().filter(p -> p != main).toList();
        if (!rest.isEmpty()) {
            b.append(ind).append("ports:\n");
            for (TaskDefinition.PortMapping p : rest) {
                b.append(ind).append("  - { containerPort: ").append(p.containerPort());
                if (!"tcp".equals(p.protocol())) {
                    b.append(", protocol: ").append(YamlText.scalar(p.protocol()));
                }
                if (p.name() != null) {
                    b.append(", name: ").append(YamlText.scalar(p.name()));
                }
                if (p.appProtocol() != null) {
                    b.append(", appProtocol: ").append(YamlText.scalar(p.appProtocol()));
                }
                b.append(" }\n");
            }
        }
        if (!lbs.isEmpty()) {
            ServiceSettings.LoadBalancerBinding lb = lbs.get(0);
            b.append(ind).append("loadBalancer:\n");
            b.append(ind).append("  targetGroupArn: ").append(YamlText.scalar(lb.targetGroupArn())).append('\n');
            b.append(ind).append("  containerPort: ").append(lb.containerPort()).append('\n');
            if (!Objects.equals(lb.containerName(), c.name())) {
                unsaid.add(s.name() + ": the load balancer targets container " + lb.containerName() + " (the spec targets the main one, "
                        + c.name() + ")");
            }
            lbs.subList(1, lbs.size()).forEach(l -> unsaid.add(s.name() + ": another target group " + l.targetGroupArn()
                    + " → " + l.containerName() + ":" + l.containerPort() + " (the spec has one per service)"));
        }
    }

    private void notes(AdoptedService s, TaskDefinition td, TaskDefinition.Container c) {
        Carried carried = td.carried();
        carried.task().forEach((k, v) -> kept.add(s.name() + ": " + k + " " + ContainerYaml.json(v)));
        carried.container().forEach((k, v) -> kept.add(s.name() + ": container " + c.name() + " " + k + " " + ContainerYaml.json(v)));
        carried.sidecars().forEach(x -> kept.add(s.name() + ": sidecar container " + x.get("name") + " " + ContainerYaml.json(x)));
        if (!c.essential()) {
            unsaid.add(s.name() + ": container " + c.name() + " is not essential (the spec's main container is)");
        }
        if (!"awsvpc".equals(td.networkMode())) {
            unsaid.add(s.name() + ": network mode " + td.networkMode() + " (Fargate services use awsvpc)");
        }
        if (!td.requiresCompatibilities().equals(List.of(FARGATE))) {
            unsaid.add(s.name() + ": requiresCompatibilities " + td.requiresCompatibilities() + " (the spec registers FARGATE)");
        }
        if (!"LINUX".equals(td.operatingSystemFamily())) {
            unsaid.add(s.name() + ": operating system " + td.operatingSystemFamily() + " (the spec runs LINUX)");
        }
        ServiceSettings st = s.settings();
        if (st != null) {
            if (!st.circuitBreaker() || !st.circuitBreakerRollback()) {
                unsaid.add(s.name() + ": the deployment circuit breaker is " + (st.circuitBreaker() ? "on without rollback" : "off")
                        + " (driftless always deploys with it on, with rollback)");
            }
            if (!"SERVICE".equals(st.propagateTags())) {
                unsaid.add(s.name() + ": propagateTags " + st.propagateTags() + " (driftless propagates the service's tags to tasks)");
            }
        }
        Map<String, String> common = commonTags();
        s.tags().forEach((k, v) -> {
            if (!ownTag(k) && !common.containsKey(k)) {
                kept.add(s.name() + ": tag " + k + "=" + v + " (only the tags every service shares go into the spec's tags;"
                        + " a deploy adds tags and never removes one)");
            }
        });
    }

    /** Tags every service carries with the same value, except driftless's and AWS's own. */
    private Map<String, String> commonTags() {
        Map<String, String> common = null;
        for (AdoptedService s : a.services()) {
            Map<String, String> mine = new TreeMap<>();
            s.tags().forEach((k, v) -> {
                if (!ownTag(k)) {
                    mine.put(k, v);
                }
            });
            if (common == null) {
                common = mine;
            } else {
                common.entrySet().retainAll(mine.entrySet());
            }
        }
        return common == null ? Map.of() : common;
    }

    private static boolean ownTag(String key) {
        return key.startsWith("driftless:") || key.startsWith("aws:");
    }

    /** [execution, task] when every service uses the same roles; null when they differ. */
    private List<String> sharedRoles() {
        List<List<String>> all = a.services().stream().filter(s -> s.taskDefinition() != null)
                .map(s -> java.util.Arrays.asList(s.taskDefinition().executionRoleArn(), s.taskDefinition().taskRoleArn()))
                .distinct().toList();
        if (all.size() != 1 || all.get(0).stream().allMatch(Objects::isNull)) {
            return null;
        }
        return all.get(0);
    }

    /** An SSM parameter name as its ARN (the spec names secrets by ARN); ARNs as they are. */
    private String secretArn(String valueFrom) {
        if (valueFrom == null || valueFrom.startsWith("arn:")) {
            return valueFrom;
        }
        String name = valueFrom.startsWith("/") ? valueFrom.substring(1) : valueFrom;
        return "arn:aws:ssm:" + a.region() + ":" + a.account() + ":parameter/" + name;
    }

    private static List<ServiceSettings.CapacityItem> placing(List<ServiceSettings.CapacityItem> items) {
        return items.stream().filter(i -> i.weight() > 0 || i.base() > 0).toList();
    }

    private static String strategy(List<ServiceSettings.CapacityItem> items) {
        return items.stream().map(i -> i.provider() + " weight " + i.weight() + (i.base() > 0 ? " base " + i.base() : ""))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static String network(ServiceSettings.NetworkSettings n) {
        return n == null ? "none" : "subnets " + n.subnets() + ", security groups " + n.securityGroups()
                + (n.assignPublicIp() ? ", public IP" : "");
    }

}
