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
 */
public record EnvironmentSpec(
        String name,
        String cluster,
        String role,
        Capacity capacity,
        Network network,
        Schedule schedule,
        Duration timeout,
        String url) {

    public EnvironmentSpec {
        capacity = capacity == null ? new Capacity.OnDemand() : capacity;
    }

    public Optional<Schedule> scheduleIfAny() {
        return Optional.ofNullable(schedule);
    }
}
