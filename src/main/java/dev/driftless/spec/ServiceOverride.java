package dev.driftless.spec;

import java.util.Map;

/** Per-environment changes to a service; null fields keep the service's value, maps are merged. */
public record ServiceOverride(
        Integer cpu,
        Integer memory,
        Integer desiredCount,
        Map<String, String> environment,
        Map<String, String> secrets,
        Autoscaling autoscaling) {

    public static final ServiceOverride NONE = new ServiceOverride(null, null, null, Map.of(), Map.of(), null);

    public ServiceOverride {
        environment = Maps.copy(environment);
        secrets = Maps.copy(secrets);
    }
}
