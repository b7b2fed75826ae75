package dev.driftless.engine;

/**
 * Application Auto Scaling changes for ECS services (the {@code ecs:service:DesiredCount} dimension):
 * stop/start lowers and restores targets through it; deploy registers targets and target-tracking
 * policies. Reading targets and policies is {@link LiveStateReader#scaling}.
 */
public interface ScalableTargets {

    /** Creates or updates the service's target. */
    void register(String cluster, String service, int min, int max);

    /** Removes the service's target and, with it, its scaling policies; the desired count stays where it is. */
    void deregister(String cluster, String service);

    /** Deletes a scaling policy (by name) from the service's target; one that is already gone is no error. */
    void deletePolicy(String cluster, String service, String policyName);

    /** Creates or updates a target-tracking policy (by name) on the service's target. */
    void putTargetTracking(String cluster, String service, TargetTrackingPolicy policy);

    /**
     * A target-tracking policy on a predefined metric.
     *
     * @param metric {@link #CPU} or {@link #MEMORY}
     * @param targetValue the metric value autoscaling keeps the service at (percent for these metrics)
     */
    record TargetTrackingPolicy(String name, String metric, double targetValue) {
        public static final String CPU = "ECSServiceAverageCPUUtilization";
        public static final String MEMORY = "ECSServiceAverageMemoryUtilization";
    }
}
