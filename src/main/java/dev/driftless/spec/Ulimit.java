package dev.driftless.spec;

/** A resource limit for a container (ECS {@code ulimits}), e.g. {@code nofile}. */
public record Ulimit(String name, int softLimit, int hardLimit) {
}
