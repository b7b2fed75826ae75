package dev.driftless.engine;

import java.util.List;
import java.util.Set;

/**
 * One ECS service deployment as DescribeServiceDeployments reports it, in the terms the waiter prints.
 *
 * @param status PENDING, IN_PROGRESS, SUCCESSFUL, STOP_REQUESTED, STOPPED, ROLLBACK_REQUESTED,
 *               ROLLBACK_IN_PROGRESS, ROLLBACK_SUCCESSFUL or ROLLBACK_FAILED
 * @param stage the lifecycle stage (RECONCILE_SERVICE … BAKE_TIME, CLEAN_UP); null before ECS names one
 * @param strategy ROLLING, BLUE_GREEN, CANARY or LINEAR
 * @param greenTrafficPercent the production traffic weight requested for the new revision; null when ECS reports none
 * @param bakeTimeMinutes the bake the deployment runs with; null when unknown
 * @param triggeredAlarms alarms that went to ALARM and made ECS roll back
 * @param circuitBreakerTripped whether the deployment circuit breaker triggered the rollback
 * @param failedTasks the circuit breaker's count of failed tasks
 * @param failedHooks lifecycle hooks that answered FAILED (their function names)
 * @param rollbackReason why ECS rolled back, in its words; null when it did not
 */
public record ServiceDeploymentState(String arn, String status, String statusReason, String stage, String strategy,
        Double greenTrafficPercent, Integer bakeTimeMinutes, List<String> triggeredAlarms, boolean circuitBreakerTripped,
        int failedTasks, List<String> failedHooks, String rollbackReason) {

    public static final String SUCCESSFUL = "SUCCESSFUL";
    public static final String ROLLBACK_SUCCESSFUL = "ROLLBACK_SUCCESSFUL";
    public static final String BAKE_TIME = "BAKE_TIME";
    private static final Set<String> FINISHED = Set.of(SUCCESSFUL, "STOPPED", ROLLBACK_SUCCESSFUL, "ROLLBACK_FAILED");

    public ServiceDeploymentState {
        triggeredAlarms = triggeredAlarms == null ? List.of() : List.copyOf(triggeredAlarms);
        failedHooks = failedHooks == null ? List.of() : List.copyOf(failedHooks);
    }

    public boolean finished() {
        return FINISHED.contains(status);
    }

    public boolean succeeded() {
        return SUCCESSFUL.equals(status);
    }

    /** Rolled back, or on its way back. */
    public boolean rollingBack() {
        return status != null && status.startsWith("ROLLBACK");
    }

    /** Why it did not succeed: the alarm that fired, the hook that failed, the circuit breaker, ECS's own words. */
    public List<String> reasons() {
        List<String> out = new java.util.ArrayList<>();
        triggeredAlarms.forEach(a -> out.add("alarm " + a + " went to ALARM"));
        failedHooks.forEach(h -> out.add("lifecycle hook " + h + " failed"));
        if (circuitBreakerTripped) {
            out.add("the deployment circuit breaker tripped (" + failedTasks + " failed task" + (failedTasks == 1 ? "" : "s") + ")");
        }
        if (rollbackReason != null && !rollbackReason.isBlank()) {
            out.add("ECS rolled back: " + rollbackReason);
        }
        if (statusReason != null && !statusReason.isBlank() && !statusReason.equals(rollbackReason)) {
            out.add(status + ": " + statusReason);
        } else if (out.isEmpty()) {
            out.add("service deployment " + status);
        }
        return List.copyOf(out);
    }
}
