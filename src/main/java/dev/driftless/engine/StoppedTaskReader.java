package dev.driftless.engine;

import java.util.List;

/** Why tasks stopped: read only for services whose rollout shows failures. Implemented in aws/ over ECS. */
public interface StoppedTaskReader {
    /** The newest stopped tasks of a service (ListTasks desiredStatus=STOPPED, then one DescribeTasks). */
    List<StoppedTask> stoppedTasks(String cluster, String service);
}
