package dev.driftless.spec;

import java.util.Map;

/**
 * Per-environment changes to a service; null fields keep the service's value, maps are merged, and a
 * {@code deploy} block replaces the service's whole block.
 */
public record ServiceOverride(
        Integer cpu,
        Integer memory,
        Integer desiredCount,
        Map<String, String> environment,
        Map<String, String> secrets,
        Autoscaling autoscaling,
        ServiceDeploy deploy) {

    public static final ServiceOverride NONE = new ServiceOverride(null, null, null, Map.of(), Map.of(), null, null);

    /** An override that keeps the service's deploy settings. */
    public ServiceOverride(Integer cpu, Integer memory, Integer desiredCount, Map<String, String> environment,
            Map<String, String> secrets, Autoscaling autoscaling) {
        this(cpu, memory, desiredCount, environment, secrets, autoscaling, null);
    }

    public ServiceOverride {
        environment = Maps.copy(environment);
        secrets = Maps.copy(secrets);
    }
}
