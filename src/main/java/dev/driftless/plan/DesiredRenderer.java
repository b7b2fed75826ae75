package dev.driftless.plan;

import dev.driftless.spec.Capacity;
import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.EnvironmentSpec;
import dev.driftless.spec.HealthCheck;
import dev.driftless.spec.Network;
import dev.driftless.spec.ServiceView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders what ECS should run for one service in one environment: the task definition (family
 * {@code <app>-<env>-<service>}, one container named after the service) and the service settings.
 * Pure: the image is already resolved to a URI (see {@link #imageUri}).
 */
public final class DesiredRenderer {
    public static final String FARGATE = "FARGATE";
    public static final String FARGATE_SPOT = "FARGATE_SPOT";

    private final DeploySpec spec;

    public DesiredRenderer(DeploySpec spec) {
        this.spec = spec;
    }

    /** {@code <app>-<env>-<service>}. */
    public String family(String environment, String service) {
        return spec.name() + "-" + environment + "-" + service;
    }

    /** The ECR repository of a service: the spec's, or {@code <app>-<service>} when the spec names none. */
    public String repository(ServiceView view) {
        return view.image() != null && view.image().repository() != null
                ? view.image().repository() : spec.name() + "-" + view.name();
    }

    /** {@code <account>.dkr.ecr.<region>.amazonaws.com/<repo>:<tag>} or {@code ...@sha256:...}. */
    public String imageUri(ServiceView view, ImageRef image) {
        String base = spec.account() + ".dkr.ecr." + spec.region() + ".amazonaws.com/" + repository(view);
        if (image instanceof ImageRef.Tag t) {
            return base + ":" + t.tag();
        }
        if (image instanceof ImageRef.Digest d) {
            return base + "@" + d.digest();
        }
        throw new IllegalArgumentException("resolve 'keep the live image' to a tag or digest before rendering " + view.name());
    }

    public DesiredService render(ServiceView view, String imageUri) {
        EnvironmentSpec env = spec.environment(view.environment())
                .orElseThrow(() -> new IllegalArgumentException("no environment " + view.environment()));
        TaskDefinition td = taskDefinition(view, imageUri);
        ServiceSettings settings = settings(view, env);
        Map<String, String> tags = new LinkedHashMap<>(spec.resourceTags(env.name()));
        tags.put("driftless:service", view.name());
        return new DesiredService(view.name(), env.cluster(), td, settings, SpecHash.of(td), view.autoscaling(),
                env.schedule(), tags);
    }

    TaskDefinition taskDefinition(ServiceView view, String imageUri) {
        List<TaskDefinition.PortMapping> ports = new ArrayList<>();
        if (view.port() != null) {
            ports.add(new TaskDefinition.PortMapping(view.port(), "tcp"));
        }
        if (view.loadBalancer() != null && !java.util.Objects.equals(view.loadBalancer().containerPort(), view.port())) {
            ports.add(new TaskDefinition.PortMapping(view.loadBalancer().containerPort(), "tcp"));
        }
        TaskDefinition.LogConfiguration logs = spec.logs() == null || spec.logs().group() == null ? null
                : new TaskDefinition.LogConfiguration("awslogs", Map.of(
                        "awslogs-group", spec.logs().group(),
                        "awslogs-region", spec.region(),
                        "awslogs-stream-prefix", view.name()));
        HealthCheck hc = view.healthCheck();
        TaskDefinition.Container container = new TaskDefinition.Container(
                view.name(),
                imageUri,
                true,
                ports,
                new java.util.TreeMap<>(view.variables()),
                new java.util.TreeMap<>(view.secrets()),
                logs,
                hc == null || hc.command().isEmpty() ? null : new TaskDefinition.ContainerHealthCheck(
                        hc.command(), hc.interval(), hc.timeout(), hc.retries(), hc.startPeriod()),
                view.command());
        return new TaskDefinition(
                family(view.environment(), view.name()),
                view.cpu(),
                view.memory(),
                "awsvpc",
                List.of(FARGATE),
                view.architecture(),
                "LINUX",
                spec.roles() == null ? null : spec.roles().execution(),
                spec.roles() == null ? null : spec.roles().task(),
                container);
    }

    ServiceSettings settings(ServiceView view, EnvironmentSpec env) {
        Network n = env.network();
        return new ServiceSettings(
                view.desiredCount(),
                capacityStrategy(view.capacity()),
                n == null ? null : new ServiceSettings.NetworkSettings(n.subnets(), n.securityGroups(), n.publicIp()),
                view.loadBalancer() == null ? List.of() : List.of(new ServiceSettings.LoadBalancerBinding(
                        view.loadBalancer().targetGroupArn(), view.name(), view.loadBalancer().containerPort())),
                true,
                true,
                "SERVICE");
    }

    /**
     * Spot: every task on FARGATE_SPOT, FARGATE listed at weight 0 (ECS places no task on a weight-0 provider, so
     * it is not a fallback when Spot capacity is short); on-demand:
     * FARGATE only; mixed: the base on FARGATE, the rest split by the weights.
     */
    public static List<ServiceSettings.CapacityItem> capacityStrategy(Capacity capacity) {
        if (capacity instanceof Capacity.Mixed m) {
            return List.of(
                    new ServiceSettings.CapacityItem(FARGATE_SPOT, m.spot(), 0),
                    new ServiceSettings.CapacityItem(FARGATE, m.onDemand(), m.base()));
        }
        if (capacity instanceof Capacity.Spot) {
            return List.of(
                    new ServiceSettings.CapacityItem(FARGATE_SPOT, 1, 0),
                    new ServiceSettings.CapacityItem(FARGATE, 0, 0));
        }
        return List.of(new ServiceSettings.CapacityItem(FARGATE, 1, 0));
    }
}
