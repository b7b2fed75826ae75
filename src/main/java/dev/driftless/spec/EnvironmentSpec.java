package dev.driftless.spec;

import java.time.Duration;
import java.util.Optional;

/**
 * One environment (dev, prod, ...).
 *
 * @param role the IAM role assumed through GitHub OIDC for this environment, or null for the default chain
 * @param schedule when services run; null means always
 * @param timeout how long a deploy may wait for services to become stable; null means the spec's default
 * @param url shown on the GitHub deployment
 * @param capacityFallbackFor how long a service moved to on-demand because Fargate Spot had no capacity stays there
 *                            before a schedule, start or deploy returns it to Spot (default one hour)
 */
public record EnvironmentSpec(
        String name,
        String cluster,
        String role,
        Capacity capacity,
        Network network,
        Schedule schedule,
        Duration timeout,
        String url,
        Duration capacityFallbackFor) {

    public static final Duration DEFAULT_FALLBACK_FOR = Duration.ofHours(1);

    public EnvironmentSpec {
        capacity = capacity == null ? new Capacity.OnDemand() : capacity;
        capacityFallbackFor = capacityFallbackFor == null ? DEFAULT_FALLBACK_FOR : capacityFallbackFor;
    }

    /** An environment whose Spot fallback lasts the default hour. */
    public EnvironmentSpec(String name, String cluster, String role, Capacity capacity, Network network, Schedule schedule,
            Duration timeout, String url) {
        this(name, cluster, role, capacity, network, schedule, timeout, url, null);
    }

    public Optional<Schedule> scheduleIfAny() {
        return Optional.ofNullable(schedule);
    }
}
