package dev.driftless.engine;

import java.time.Instant;
import java.util.List;

/**
 * A task ECS stopped, with why: the task's stoppedReason and each container's reason or exit code
 * (image pull errors, failed health checks, missing secrets show up here, not in service events).
 */
public record StoppedTask(String arn, String taskDefinition, String stoppedReason, List<String> containerReasons,
        Instant stoppedAt) {

    public StoppedTask {
        containerReasons = containerReasons == null ? List.of() : List.copyOf(containerReasons);
    }

    public String shortId() {
        return arn == null ? "?" : arn.substring(arn.lastIndexOf('/') + 1);
    }

    /** One line: the task's reason, then its containers' reasons. */
    public String describe() {
        StringBuilder b = new StringBuilder("task ").append(shortId()).append(" stopped: ")
                .append(stoppedReason == null ? "(no reason given)" : stoppedReason);
        if (!containerReasons.isEmpty()) {
            b.append(" — ").append(String.join("; ", containerReasons));
        }
        return b.toString();
    }
}
