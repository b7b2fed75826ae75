package dev.driftless.engine;

import dev.driftless.plan.LiveService;
import java.util.List;

/**
 * A service the waiter watches until the task definition we put on it is rolled out, or not.
 *
 * @param seenEvents the service's events as read before the change (newest first), so the waiter shows exactly
 *                   the ones ECS added since — by id, then by ECS's own timestamps, never the runner's clock (an
 *                   event ECS writes inside UpdateService, such as a circuit breaker tripping at once, predates
 *                   any clock read after the call returned); empty for a new service: every event is new
 */
public record RolloutTarget(String service, String taskDefinitionArn, List<LiveService.LiveEvent> seenEvents) {

    public RolloutTarget {
        seenEvents = seenEvents == null ? null : List.copyOf(seenEvents);
    }

    /** Without a baseline: the waiter falls back to the time it started watching. */
    public RolloutTarget(String service, String taskDefinitionArn) {
        this(service, taskDefinitionArn, null);
    }

    /** Watching a service whose events were read before the change. */
    public static RolloutTarget after(String service, String taskDefinitionArn, LiveService before) {
        return new RolloutTarget(service, taskDefinitionArn, before == null ? List.of() : before.events());
    }

    boolean hasBaseline() {
        return seenEvents != null;
    }
}
