package dev.driftless.plan;

import java.time.Instant;
import java.util.List;

/**
 * The plan for one environment of one application: per service, what applying the spec would change.
 *
 * @param image what the plan rendered images for ("tag abc123", "keep live images")
 */
public record Plan(
        String application,
        String environment,
        String cluster,
        boolean clusterExists,
        String image,
        Instant at,
        List<ServicePlan> services) {

    public Plan {
        services = List.copyOf(services);
    }

    public boolean hasChanges() {
        return services.stream().anyMatch(ServicePlan::hasChanges);
    }

    public long changeCount() {
        return services.stream().mapToLong(s -> s.changes().size()).sum();
    }

    public long driftCount() {
        return services.stream().mapToLong(s -> s.drift().size()).sum();
    }
}
