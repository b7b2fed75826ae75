package dev.driftless.plan;

import dev.driftless.spec.Capacity;
import dev.driftless.spec.ContainerSettings;
import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.EnvironmentSpec;
import dev.driftless.spec.HealthCheck;
import dev.driftless.spec.LoadBalancer;
import dev.driftless.spec.Network;
import dev.driftless.spec.Roles;
import dev.driftless.spec.TaskShape;
import dev.driftless.spec.ServiceView;
import dev.driftless.spec.Sidecar;
import dev.driftless.spec.SidecarImage;
import dev.driftless.spec.Volume;
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

    /** {@code <account>.dkr.ecr.<region>.amazonaws.com/<repo>} of a sidecar built from a repository. */
    public String repositoryUri(SidecarImage.Repository repo) {
        return spec.account() + ".dkr.ecr." + spec.region() + ".amazonaws.com/" + repo.image().repository();
    }

    /** A sidecar's image at a tag or digest. */
    public String sidecarImageUri(SidecarImage.Repository repo, ImageRef image) {
        if (image instanceof ImageRef.Tag t) {
            return repositoryUri(repo) + ":" + t.tag();
        }
        if (image instanceof ImageRef.Digest d) {
            return repositoryUri(repo) + "@" + d.digest();
        }
        throw new IllegalArgumentException("resolve 'keep the live image' before rendering a sidecar");
    }

    /**
     * Renders with given images for sidecars built from repositories (sidecar name → URI); a sidecar missing
     * from the map follows the main image's tag.
     */
    public DesiredService render(ServiceView view, String imageUri) {
        return render(view, imageUri, Map.of());
    }

    public DesiredService render(ServiceView view, String imageUri, Map<String, String> sidecarImages) {
        EnvironmentSpec env = spec.environment(view.environment())
                .orElseThrow(() -> new IllegalArgumentException("no environment " + view.environment()));
        TaskDefinition td = taskDefinition(view, imageUri, sidecarImages);
        ServiceSettings settings = settings(view, env);
        Map<String, String> tags = new LinkedHashMap<>(spec.resourceTags(env.name()));
        tags.put("driftless:service", view.name());
        return new DesiredService(view.name(), env.cluster(), td, settings, SpecHash.of(td), view.autoscaling(),
                env.schedule(), tags);
    }

    /**
     * A sidecar's image: its reference as written, or its ECR repository at the main image's tag (build
     * tags every image of a commit alike). A main image pinned by digest says nothing about another
     * repository's image, so that case is refused rather than guessed.
     */
    public String sidecarImageUri(ServiceView view, Sidecar sidecar, String mainImageUri, Map<String, String> sidecarImages) {
        if (sidecar.image() instanceof SidecarImage.Reference r) {
            return r.uri();
        }
        String given = sidecarImages.get(sidecar.name());
        if (given != null) {
            return given;
        }
        SidecarImage.Repository repo = (SidecarImage.Repository) sidecar.image();
        String base = repositoryUri(repo);
        int slash = mainImageUri.lastIndexOf('/');
        int colon = mainImageUri.indexOf(':', slash + 1);
        if (mainImageUri.indexOf('@', slash + 1) >= 0 || colon < 0) {
            throw new IllegalArgumentException("sidecar " + sidecar.name() + " of " + view.name() + " is built from "
                    + repo.image().repository() + " and follows the main image's tag, but the main image is " + mainImageUri
                    + "; deploy by tag (--image-tag) rather than by digest");
        }
        return base + mainImageUri.substring(colon);
    }

    TaskDefinition taskDefinition(ServiceView view, String imageUri) {
        return taskDefinition(view, imageUri, Map.of());
    }

    TaskDefinition taskDefinition(ServiceView view, String imageUri, Map<String, String> sidecarImages) {
        TaskShape shape = view.shape();
        TaskDefinition.LogConfiguration logs = logs(view);
        List<TaskDefinition.PortMapping> ports = new ArrayList<>();
        if (view.port() != null) {
            ports.add(new TaskDefinition.PortMapping(view.port(), "tcp"));
        }
        shape.ports().forEach(p -> ports.add(new TaskDefinition.PortMapping(p.containerPort(), p.protocol(), p.name(),
                p.appProtocol())));
        if (view.loadBalancer() != null && ports.stream().noneMatch(p -> p.containerPort() == view.loadBalancer().containerPort())) {
            ports.add(new TaskDefinition.PortMapping(view.loadBalancer().containerPort(), "tcp"));
        }
        HealthCheck hc = view.healthCheck();
        TaskDefinition.Container container = new TaskDefinition.Container(
                view.containerName(),
                imageUri,
                true,
                ports,
                new java.util.TreeMap<>(view.variables()),
                new java.util.TreeMap<>(view.secrets()),
                logs,
                hc == null || hc.command().isEmpty() ? null : new TaskDefinition.ContainerHealthCheck(
                        hc.command(), hc.interval(), hc.timeout(), hc.retries(), hc.startPeriod()),
                view.command(),
                null, null, null, null,
                dependencies(view.container()),
                null,
                mounts(view.container()),
                view.container().readonlyRootFilesystem(),
                view.container().stopTimeout(),
                view.container().user(),
                ulimits(view.container()),
                view.container().initProcessEnabled(),
                new java.util.TreeMap<>(view.container().extra()));
        if (ContainerSettings.FIRELENS.equals(view.container().logging())) {
            container = withLogs(container, firelensLogs(view));
        } else if (ContainerSettings.NONE_LOGGING.equals(view.container().logging())) {
            container = withLogs(container, null);
        }
        Map<String, TaskDefinition.Container> sidecars = new java.util.TreeMap<>();
        view.sidecars().forEach((n, s) -> sidecars.put(n, sidecar(view, s, imageUri, sidecarImages, logs)));
        Roles roles = shape.roles() != null ? shape.roles() : spec.roles();
        return new TaskDefinition(
                family(view),
                view.cpu(),
                view.memory(),
                "awsvpc",
                List.of(FARGATE),
                view.architecture(),
                "LINUX",
                roles == null ? null : roles.execution(),
                roles == null ? null : roles.task(),
                container,
                sidecars,
                view.task().ephemeralStorage(),
                view.task().volumes().values().stream().map(DesiredRenderer::volume).toList(),
                new java.util.TreeMap<>(view.task().extra()),
                Carried.NONE);
    }

    private TaskDefinition.Container sidecar(ServiceView view, Sidecar s, String mainImageUri,
            Map<String, String> sidecarImages, TaskDefinition.LogConfiguration awslogs) {
        HealthCheck hc = s.healthCheck();
        ContainerSettings c = s.settings();
        return new TaskDefinition.Container(
                s.name(),
                sidecarImageUri(view, s, mainImageUri, sidecarImages),
                s.essential(),
                s.port() == null ? List.of() : List.of(new TaskDefinition.PortMapping(s.port(), "tcp")),
                new java.util.TreeMap<>(s.environment()),
                new java.util.TreeMap<>(s.secrets()),
                ContainerSettings.FIRELENS.equals(c.logging()) ? firelensLogs(view)
                        : ContainerSettings.NONE_LOGGING.equals(c.logging()) ? null
                        : s.logOptions().isEmpty() ? awslogs : new TaskDefinition.LogConfiguration("awslogs", s.logOptions()),
                hc == null || hc.command().isEmpty() ? null : new TaskDefinition.ContainerHealthCheck(
                        hc.command(), hc.interval(), hc.timeout(), hc.retries(), hc.startPeriod()),
                s.command(),
                s.cpu(),
                s.memory(),
                s.memoryReservation(),
                s.entryPoint(),
                dependencies(c),
                s.firelens() == null ? null : new TaskDefinition.FirelensConfiguration(s.firelens().type(),
                        s.firelens().options()),
                mounts(c),
                c.readonlyRootFilesystem(),
                c.stopTimeout(),
                c.user(),
                ulimits(c),
                c.initProcessEnabled(),
                new java.util.TreeMap<>(c.extra()));
    }

    /**
     * Logs through the task's FireLens router: with fluentbit, to the spec's log group (the router's
     * cloudwatch_logs output, streams under the service's name); with fluentd, the router's own config decides.
     */
    private TaskDefinition.LogConfiguration firelensLogs(ServiceView view) {
        boolean fluentbit = view.sidecars().values().stream()
                .anyMatch(s -> s.firelens() != null && "fluentbit".equals(s.firelens().type()));
        if (!fluentbit || spec.logs() == null || spec.logs().group() == null) {
            return new TaskDefinition.LogConfiguration("awsfirelens", Map.of());
        }
        return new TaskDefinition.LogConfiguration("awsfirelens", Map.of(
                "Name", "cloudwatch_logs",
                "region", spec.region(),
                "log_group_name", spec.logs().group(),
                "log_stream_prefix", view.name() + "/"));
    }

    private static TaskDefinition.Container withLogs(TaskDefinition.Container c, TaskDefinition.LogConfiguration logs) {
        return new TaskDefinition.Container(c.name(), c.image(), c.essential(), c.portMappings(), c.environment(),
                c.secrets(), logs, c.healthCheck(), c.command(), c.cpu(), c.memory(), c.memoryReservation(), c.entryPoint(),
                c.dependsOn(), c.firelens(), c.mountPoints(), c.readonlyRootFilesystem(), c.stopTimeout(), c.user(),
                c.ulimits(), c.initProcessEnabled(), c.extra());
    }

    private static List<TaskDefinition.Dependency> dependencies(ContainerSettings c) {
        return c.dependsOn().stream().map(d -> new TaskDefinition.Dependency(d.container(), d.condition())).toList();
    }

    private static List<TaskDefinition.MountPoint> mounts(ContainerSettings c) {
        return c.mountPoints().stream()
                .map(m -> new TaskDefinition.MountPoint(m.sourceVolume(), m.containerPath(), m.readOnly())).toList();
    }

    private static List<TaskDefinition.Ulimit> ulimits(ContainerSettings c) {
        return c.ulimits().stream().map(u -> new TaskDefinition.Ulimit(u.name(), u.softLimit(), u.hardLimit())).toList();
    }

    private static TaskDefinition.Volume volume(Volume v) {
        if (v instanceof Volume.Efs e) {
            return new TaskDefinition.Volume(e.name(), new TaskDefinition.Efs(e.fileSystemId(),
                    e.accessPointId() != null ? null : e.rootDirectory(), e.accessPointId(),
                    e.transitEncryption() ? "ENABLED" : "DISABLED", e.iam() ? "ENABLED" : "DISABLED"));
        }
        return new TaskDefinition.Volume(v.name(), null);
    }

    /** The shape's family, else {@code <app>-<env>-<service>}. */
    public String family(ServiceView view) {
        return view.shape().family() != null ? view.shape().family() : family(view.environment(), view.name());
    }

    /** awslogs with the shape's options as they are, else the spec's log group with the service as stream prefix. */
    private TaskDefinition.LogConfiguration logs(ServiceView view) {
        if (!view.shape().logOptions().isEmpty()) {
            return new TaskDefinition.LogConfiguration("awslogs", view.shape().logOptions());
        }
        return spec.logs() == null || spec.logs().group() == null ? null
                : new TaskDefinition.LogConfiguration("awslogs", Map.of(
                        "awslogs-group", spec.logs().group(),
                        "awslogs-region", spec.region(),
                        "awslogs-stream-prefix", view.name()));
    }

    ServiceSettings settings(ServiceView view, EnvironmentSpec env) {
        Network n = env.network();
        return new ServiceSettings(
                view.desiredCount(),
                capacityStrategy(view.capacity()),
                n == null ? null : new ServiceSettings.NetworkSettings(n.subnets(), n.securityGroups(), n.publicIp()),
                view.loadBalancer() == null ? List.of() : List.of(new ServiceSettings.LoadBalancerBinding(
                        view.loadBalancer().targetGroupArn(), view.containerName(), view.loadBalancer().containerPort(),
                        advanced(view))),
                true,
                true,
                "SERVICE",
                DeploymentStrategy.of(view.deploy(), view.loadBalancer() == null ? null : view.loadBalancer().role()),
                view.task().enableExecuteCommand());
    }

    /** The blue/green parts of the load balancer, sent only when the strategy shifts traffic. */
    private static ServiceSettings.Advanced advanced(ServiceView view) {
        LoadBalancer lb = view.loadBalancer();
        if (!view.deploy().shiftsTraffic() || !lb.advanced()) {
            return null;
        }
        return new ServiceSettings.Advanced(lb.alternateTargetGroupArn(), lb.productionListenerRule(),
                lb.testListenerRule(), lb.role());
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
