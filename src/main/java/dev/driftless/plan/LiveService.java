package dev.driftless.plan;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One ECS service as DescribeServices reports it (with its tags), read once per plan, deploy wait
 * round or schedule run. The service-level settings are in {@link #settings()}, in the same shape as
 * the rendered ones so they compare directly.
 *
 * @param status ACTIVE or DRAINING (INACTIVE services are reported as missing, not as one of these)
 * @param taskDefinitionArn the service's task definition (the PRIMARY deployment's)
 * @param deployments PRIMARY first, then ACTIVE ones
 * @param events the newest service events first (ECS keeps the last 100; the reader keeps fewer)
 */
public record LiveService(
        String name,
        String arn,
        String status,
        int desiredCount,
        int runningCount,
        int pendingCount,
        String taskDefinitionArn,
        List<LiveDeployment> deployments,
        ServiceSettings settings,
        Map<String, String> tags,
        List<LiveEvent> events) {

    public LiveService {
        deployments = deployments == null ? List.of() : List.copyOf(deployments);
        tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(tags));
        events = events == null ? List.of() : List.copyOf(events);
    }

    public Optional<String> tag(String key) {
        return Optional.ofNullable(tags.get(key));
    }

    public Optional<LiveDeployment> primary() {
        return deployments.stream().filter(LiveDeployment::isPrimary).findFirst();
    }

    /** True while more than one deployment exists or the PRIMARY one has not completed. */
    public boolean deploying() {
        return deployments.size() > 1 || primary().map(d -> "IN_PROGRESS".equals(d.rolloutState())).orElse(false);
    }

    /**
     * One deployment of the service.
     *
     * @param status PRIMARY, ACTIVE or INACTIVE
     * @param rolloutState COMPLETED, IN_PROGRESS or FAILED (null where ECS does not report one)
     */
    public record LiveDeployment(
            String id,
            String status,
            String taskDefinitionArn,
            String rolloutState,
            String rolloutStateReason,
            int runningCount,
            int desiredCount,
            int pendingCount,
            int failedTasks,
            Instant createdAt,
            Instant updatedAt) {

        public boolean isPrimary() {
            return "PRIMARY".equals(status);
        }
    }

    /** A service event ("(service backend) has reached a steady state."). */
    public record LiveEvent(String id, Instant createdAt, String message) {
    }
}
