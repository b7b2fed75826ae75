package dev.driftless.engine;

import dev.driftless.plan.ServiceSettings;
import java.util.List;
import java.util.Map;

/** Starts, watches and stops one-off ECS tasks (RunTask, DescribeTasks, StopTask). */
public interface TaskRunner {
    /** Starts one task; returns its ARN. */
    String run(Launch launch);

    /** The task's state now. */
    State describe(String cluster, String taskArn);

    void stop(String cluster, String taskArn, String reason);

    /**
     * One task to start: a registered definition with the main container's command (and variables) overridden,
     * placed like the service (its network and capacity providers).
     *
     * @param cpu task-level CPU override, or null; memory likewise
     */
    record Launch(String cluster, String taskDefinitionArn, String container, List<String> command,
            Map<String, String> environment, Integer cpu, Integer memory, ServiceSettings.NetworkSettings network,
            List<ServiceSettings.CapacityItem> capacity, String startedBy, Map<String, String> tags) {
        public Launch {
            command = List.copyOf(command);
            environment = Map.copyOf(environment);
            capacity = List.copyOf(capacity);
            tags = Map.copyOf(tags);
        }
    }

    /** @param containers each container's exit; exitCode null while running or when ECS could not start it */
    record State(String lastStatus, String stoppedReason, List<ContainerExit> containers) {
        public State {
            containers = List.copyOf(containers);
        }

        public boolean stopped() {
            return "STOPPED".equals(lastStatus);
        }
    }

    record ContainerExit(String name, Integer exitCode, String reason) {
    }
}
