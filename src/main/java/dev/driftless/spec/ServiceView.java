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
        Capacity capacity) {

    public ServiceView {
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
