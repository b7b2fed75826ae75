package dev.driftless.plan;

/**
 * A service's Application Auto Scaling target and its target-tracking policies, as read.
 *
 * @param cpuPercent the ECSServiceAverageCPUUtilization target, or null without such a policy
 * @param memoryPercent the ECSServiceAverageMemoryUtilization target, or null without such a policy
 */
public record LiveScaling(int min, int max, Integer cpuPercent, Integer memoryPercent) {
}
