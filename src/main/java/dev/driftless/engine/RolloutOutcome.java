package dev.driftless.engine;

import java.time.Duration;
import java.util.List;

/**
 * How waiting for one service ended.
 *
 * @param live the task definition of the PRIMARY deployment when waiting ended (null if the service vanished)
 * @param reasons why it failed: the rollout's own reason, new failure events and stopped tasks' reasons
 * @param stage for an ECS service deployment: its status and the lifecycle stage it last reached
 *              ("SUCCESSFUL", "rolled back in BAKE_TIME"); null for a rolling deploy
 */
public record RolloutOutcome(String service, String taskDefinitionArn, Result result, String live, Duration elapsed,
        List<String> reasons, String stage) {

    public RolloutOutcome(String service, String taskDefinitionArn, Result result, String live, Duration elapsed,
            List<String> reasons) {
        this(service, taskDefinitionArn, result, live, elapsed, reasons, null);
    }

    public RolloutOutcome {
        reasons = List.copyOf(reasons);
    }

    public enum Result {
        /** The PRIMARY deployment is ours and its rollout COMPLETED. */
        COMPLETED,
        /** Our deployment's rollout FAILED (the circuit breaker tripped). */
        FAILED,
        /** Our deployment is no longer PRIMARY: the circuit breaker (or someone else) replaced it. */
        REPLACED,
        /** Still rolling out when the environment's timeout ran out. */
        TIMED_OUT,
        /** The service does not exist (any more). */
        MISSING,
        /**
         * ECS rolled our service deployment back itself (an alarm, a hook, the circuit breaker, or a stop driftless
         * asked for): the service runs the previous revision again and needs no rollback of ours.
         */
        ROLLED_BACK,
        /**
         * Fargate Spot had no capacity for our tasks (ECS's "capacity is unavailable" event) and none of them runs:
         * the deployer moves the service to on-demand and waits again instead of waiting out the timeout.
         */
        SPOT_UNAVAILABLE;

        public boolean succeeded() {
            return this == COMPLETED;
        }
    }

    public boolean succeeded() {
        return result.succeeded();
    }
}
