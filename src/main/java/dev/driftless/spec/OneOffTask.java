package dev.driftless.spec;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A one-off task ({@code tasks.<name>}): the service's task definition run once with another command,
 * e.g. a database migration.
 *
 * @param cpu task-level CPU override; null for the service's
 * @param memory task-level memory override (MiB); null for the service's
 * @param timeout how long {@code run} waits for the task to stop before stopping it
 */
public record OneOffTask(String name, String service, List<String> command, Map<String, String> environment,
        Integer cpu, Integer memory, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    public OneOffTask {
        command = Maps.copy(command);
        environment = Maps.copy(environment);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }
}
