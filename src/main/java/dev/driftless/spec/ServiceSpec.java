package dev.driftless.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One service as declared, before environment overrides. {@link #in(EnvironmentSpec)} gives the view
 * an environment runs.
 *
 * @param cpu CPU units (256 = 0.25 vCPU)
 * @param memory MiB
 * @param architecture X86_64 or ARM64
 * @param command the container command, or empty for the image's default
 */
public record ServiceSpec(
        String name,
        ImageSpec image,
        int cpu,
        int memory,
        String architecture,
        Integer port,
        List<String> command,
        Map<String, String> environment,
        Map<String, String> secrets,
        HealthCheck healthCheck,
        LoadBalancer loadBalancer,
        int desiredCount,
        Autoscaling autoscaling,
        Map<String, ServiceOverride> overrides,
        ServiceDeploy deploy,
        Map<String, Sidecar> sidecars,
        ContainerSettings container,
        TaskSettings task,
        TaskShape shape) {

    public static final String X86_64 = "X86_64";
    public static final String ARM64 = "ARM64";

    public ServiceSpec {
        architecture = architecture == null ? X86_64 : architecture;
        command = Maps.copy(command);
        environment = Maps.copy(environment);
        secrets = Maps.copy(secrets);
        overrides = Maps.copy(overrides);
        deploy = deploy == null ? ServiceDeploy.DEFAULT : deploy;
        sidecars = Maps.copy(sidecars);
        container = container == null ? ContainerSettings.NONE : container;
        task = task == null ? TaskSettings.NONE : task;
        shape = shape == null ? TaskShape.DEFAULT : shape;
    }

    /** A one-container rolling service with no task settings beyond size and architecture. */
    public ServiceSpec(String name, ImageSpec image, int cpu, int memory, String architecture, Integer port,
            List<String> command, Map<String, String> environment, Map<String, String> secrets, HealthCheck healthCheck,
            LoadBalancer loadBalancer, int desiredCount, Autoscaling autoscaling, Map<String, ServiceOverride> overrides) {
        this(name, image, cpu, memory, architecture, port, command, environment, secrets, healthCheck, loadBalancer,
                desiredCount, autoscaling, overrides, null, null, null, null, null);
    }

    /** A one-container service with the given deploy strategy. */
    public ServiceSpec(String name, ImageSpec image, int cpu, int memory, String architecture, Integer port,
            List<String> command, Map<String, String> environment, Map<String, String> secrets, HealthCheck healthCheck,
            LoadBalancer loadBalancer, int desiredCount, Autoscaling autoscaling, Map<String, ServiceOverride> overrides,
            ServiceDeploy deploy) {
        this(name, image, cpu, memory, architecture, port, command, environment, secrets, healthCheck, loadBalancer,
                desiredCount, autoscaling, overrides, deploy, null, null, null, null);
    }

    /** A rolling service with sidecars and task settings. */
    public ServiceSpec(String name, ImageSpec image, int cpu, int memory, String architecture, Integer port,
            List<String> command, Map<String, String> environment, Map<String, String> secrets, HealthCheck healthCheck,
            LoadBalancer loadBalancer, int desiredCount, Autoscaling autoscaling, Map<String, ServiceOverride> overrides,
            Map<String, Sidecar> sidecars, ContainerSettings container, TaskSettings task) {
        this(name, image, cpu, memory, architecture, port, command, environment, secrets, healthCheck, loadBalancer,
                desiredCount, autoscaling, overrides, null, sidecars, container, task, null);
    }

    /** A service with the given deploy strategy and task-definition names and wiring (#16's shape). */
    public ServiceSpec(String name, ImageSpec image, int cpu, int memory, String architecture, Integer port,
            List<String> command, Map<String, String> environment, Map<String, String> secrets, HealthCheck healthCheck,
            LoadBalancer loadBalancer, int desiredCount, Autoscaling autoscaling, Map<String, ServiceOverride> overrides,
            ServiceDeploy deploy, TaskShape shape) {
        this(name, image, cpu, memory, architecture, port, command, environment, secrets, healthCheck, loadBalancer,
                desiredCount, autoscaling, overrides, deploy, null, null, null, shape);
    }

    /** This service with the environment's override (if any) applied. */
    public ServiceView in(EnvironmentSpec env) {
        ServiceOverride o = overrides.getOrDefault(env.name(), ServiceOverride.NONE);
        Map<String, String> mergedEnv = new LinkedHashMap<>(environment);
        mergedEnv.putAll(o.environment());
        Map<String, String> mergedSecrets = new LinkedHashMap<>(secrets);
        mergedSecrets.putAll(o.secrets());
        return new ServiceView(
                name,
                env.name(),
                image,
                o.cpu() != null ? o.cpu() : cpu,
                o.memory() != null ? o.memory() : memory,
                architecture,
                port,
                command,
                mergedEnv,
                mergedSecrets,
                healthCheck,
                loadBalancer,
                o.desiredCount() != null ? o.desiredCount() : desiredCount,
                o.autoscaling() != null ? o.autoscaling() : autoscaling,
                env.capacity(),
                o.deploy() != null ? o.deploy() : deploy,
                sidecars,
                container,
                task,
                shape);
    }
}
