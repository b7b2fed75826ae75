package dev.driftless.spec;

/** Application Auto Scaling for a service; null percentages mean no policy on that metric. */
public record Autoscaling(int min, int max, Integer cpuPercent, Integer memoryPercent) {
}
