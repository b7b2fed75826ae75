package dev.driftless.plan;

/** A fixed monthly item the spec declares (load balancer, hosted zone, ...); environment null = shared. */
public record FixedLine(String name, String environment, double monthlyUsd) {
}
