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
        TaskShape shape) {

    /** A view that deploys with ECS's rolling strategy, with driftless's default task-definition names and wiring. */
    public ServiceView(String name, String environment, ImageSpec image, int cpu, int memory, String architecture,
            Integer port, List<String> command, Map<String, String> variables, Map<String, String> secrets,
            HealthCheck healthCheck, LoadBalancer loadBalancer, int desiredCount, Autoscaling autoscaling,
            Capacity capacity) {
        this(name, environment, image, cpu, memory, architecture, port, command, variables, secrets, healthCheck,
                loadBalancer, desiredCount, autoscaling, capacity, null, null);
    }

    /** A view with driftless's default task-definition names and wiring. */
    public ServiceView(String name, String environment, ImageSpec image, int cpu, int memory, String architecture,
            Integer port, List<String> command, Map<String, String> variables, Map<String, String> secrets,
            HealthCheck healthCheck, LoadBalancer loadBalancer, int desiredCount, Autoscaling autoscaling,
            Capacity capacity, ServiceDeploy deploy) {
        this(name, environment, image, cpu, memory, architecture, port, command, variables, secrets, healthCheck,
                loadBalancer, desiredCount, autoscaling, capacity, deploy, null);
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
    }

    public double vcpu() {
        return cpu / 1024.0;
    }

    public double memoryGb() {
        return memory / 1024.0;
    }
}
