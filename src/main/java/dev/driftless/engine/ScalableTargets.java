package dev.driftless.engine;

import java.util.List;
import java.util.Map;

/**
 * Application Auto Scaling for ECS services (the {@code ecs:service:DesiredCount} dimension). Stop/start
 * lowers and restores targets through it; deploy registers targets and target-tracking policies.
 */
public interface ScalableTargets {

    /** The targets of the named services, by service name, read in as few calls as the API allows; services without one are absent. */
    Map<String, ScalableTarget> describe(String cluster, List<String> services);

    /** Creates or updates the service's target. */
    void register(String cluster, String service, int min, int max);

    /** The service's target-tracking policies. */
    List<TargetTrackingPolicy> policies(String cluster, String service);

    /** Creates or updates a target-tracking policy (by name) on the service's target. */
    void putTargetTracking(String cluster, String service, TargetTrackingPolicy policy);

    /** A service's scalable target. */
    record ScalableTarget(String service, int min, int max) {
        public boolean lowered() {
            return min == 0 && max == 0;
        }
    }

    /**
     * A target-tracking policy on a predefined metric.
     *
     * @param metric e.g. {@code ECSServiceAverageCPUUtilization}, {@code ECSServiceAverageMemoryUtilization}
     * @param targetValue the metric value autoscaling keeps the service at (percent for the ECS metrics)
     */
    record TargetTrackingPolicy(String name, String metric, double targetValue) {
        public static final String CPU = "ECSServiceAverageCPUUtilization";
        public static final String MEMORY = "ECSServiceAverageMemoryUtilization";
    }
}
