package dev.driftless.engine;

/** A service the waiter watches until the task definition we put on it is rolled out, or not. */
public record RolloutTarget(String service, String taskDefinitionArn) {
}
