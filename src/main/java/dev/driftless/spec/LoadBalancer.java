package dev.driftless.spec;

/** The target group a service registers with. */
public record LoadBalancer(String targetGroupArn, int containerPort) {
}
