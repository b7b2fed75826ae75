package dev.driftless.engine;

import java.util.List;

/** Reads what the waiter watches. Implemented in aws/ over ECS. */
public interface RolloutReader {
    /** ECS accepts at most this many services per DescribeServices call. */
    int MAX_SERVICES_PER_CALL = 10;

    /**
     * One DescribeServices call for at most {@link #MAX_SERVICES_PER_CALL} services of a cluster. Services
     * that do not exist are absent from the answer.
     */
    List<ServiceSnapshot> describe(String cluster, List<String> services);

    /** Recently stopped tasks of a service (ListTasks desiredStatus=STOPPED, then DescribeTasks in one batch). */
    List<StoppedTask> stoppedTasks(String cluster, String service);
}
