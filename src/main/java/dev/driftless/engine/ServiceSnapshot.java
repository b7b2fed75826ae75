package dev.driftless.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What DescribeServices says about one service at one moment: counts, deployments and recent events.
 *
 * @param status ACTIVE, DRAINING or INACTIVE
 * @param events newest first, as ECS returns them
 */
public record ServiceSnapshot(
        String name,
        String arn,
        String status,
        String taskDefinition,
        int desired,
        int running,
        int pending,
        List<Deployment> deployments,
        List<Event> events,
        Map<String, String> tags) {

    public ServiceSnapshot {
        deployments = deployments == null ? List.of() : List.copyOf(deployments);
        events = events == null ? List.of() : List.copyOf(events);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    public Optional<Deployment> primary() {
        return deployments.stream().filter(d -> "PRIMARY".equals(d.status())).findFirst();
    }

    /** The deployment running a task definition, PRIMARY first. */
    public Optional<Deployment> deploymentOf(String taskDefinitionArn) {
        return deployments.stream()
                .filter(d -> taskDefinitionArn.equals(d.taskDefinition()))
                .sorted((a, b) -> Boolean.compare("PRIMARY".equals(b.status()), "PRIMARY".equals(a.status())))
                .findFirst();
    }

    /** True while more than one deployment is live, or the PRIMARY one is still rolling out. */
    public boolean deploymentInProgress() {
        if (deployments.size() > 1) {
            return true;
        }
        return primary().map(d -> "IN_PROGRESS".equals(d.rolloutState())).orElse(false);
    }

    /**
     * One ECS deployment of a service.
     *
     * @param status PRIMARY, ACTIVE or INACTIVE
     * @param rolloutState IN_PROGRESS, COMPLETED or FAILED; null for deployment controllers without one
     */
    public record Deployment(
            String id,
            String status,
            String taskDefinition,
            String rolloutState,
            String rolloutStateReason,
            int desired,
            int running,
            int pending,
            int failedTasks,
            Instant createdAt) {
    }

    /** A service event ("(service x) has reached a steady state."). */
    public record Event(String id, Instant createdAt, String message) {
    }
}
