package dev.driftless.spec;

import java.util.List;
import java.util.Map;

/** A service as it runs in one environment: overrides applied, capacity from the environment. */
public record ServiceView(
        String name,
        String environment,
        ImageSpec image,
        int cpu,
        int memory,
        String architecture,
        Integer port,
        List<String> command,
        Map<String, String> variables,
        Map<String, String> secrets,
        HealthCheck healthCheck,
        LoadBalancer loadBalancer,
        int desiredCount,
        Autoscaling autoscaling,
        Capacity capacity,
        ServiceDeploy deploy,
        Map<String, Sidecar> sidecars,
        ContainerSettings container,
        TaskSettings task,
        TaskShape shape) {

    /** A one-container view that deploys with ECS's rolling strategy. */
    public ServiceView(String name, String environment, ImageSpec image, int cpu, int memory, String architecture,
            Integer port, List<String> command, Map<String, String> variables, Map<String, String> secrets,
            HealthCheck healthCheck, LoadBalancer loadBalancer, int desiredCount, Autoscaling autoscaling,
            Capacity capacity) {
        this(name, environment, image, cpu, memory, architecture, port, command, variables, secrets, healthCheck,
                loadBalancer, desiredCount, autoscaling, capacity, null, null, null, null, null);
    }

    /** A one-container view with the given deploy strategy, with driftless's default task-definition names and wiring. */
    public ServiceView(String name, String environment, ImageSpec image, int cpu, int memory, String architecture,
            Integer port, List<String> command, Map<String, String> variables, Map<String, String> secrets,
            HealthCheck healthCheck, LoadBalancer loadBalancer, int desiredCount, Autoscaling autoscaling,
            Capacity capacity, ServiceDeploy deploy) {
        this(name, environment, image, cpu, memory, architecture, port, command, variables, secrets, healthCheck,
                loadBalancer, desiredCount, autoscaling, capacity, deploy, null, null, null, null);
    }

    /** A one-container view with the given deploy strategy and task-definition names and wiring (#16's shape). */
    public ServiceView(String name, String environment, ImageSpec image, int cpu, int memory, String architecture,
            Integer port, List<String> command, Map<String, String> variables, Map<String, String> secrets,
            HealthCheck healthCheck, LoadBalancer loadBalancer, int desiredCount, Autoscaling autoscaling,
            Capacity capacity, ServiceDeploy deploy, TaskShape shape) {
        this(name, environment, image, cpu, memory, architecture, port, command, variables, secrets, healthCheck,
                loadBalancer, desiredCount, autoscaling, capacity, deploy, null, null, null, shape);
    }

    /** The main container's name: the shape's, else the service's. */
    public String containerName() {
        return shape.containerName() != null ? shape.containerName() : name;
    }

    public ServiceView {
        deploy = deploy == null ? ServiceDeploy.DEFAULT : deploy;
        shape = shape == null ? TaskShape.DEFAULT : shape;
        command = Maps.copy(command);
        variables = Maps.copy(variables);
        secrets = Maps.copy(secrets);
        sidecars = Maps.copy(sidecars);
        container = container == null ? ContainerSettings.NONE : container;
        task = task == null ? TaskSettings.NONE : task;
    }

    public double vcpu() {
        return cpu / 1024.0;
    }

    public double memoryGb() {
        return memory / 1024.0;
    }
}
