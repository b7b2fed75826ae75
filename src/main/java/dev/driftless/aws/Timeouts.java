package dev.driftless.aws;

import java.time.Duration;

/**
 * Bounds on every AWS request, so a dead endpoint fails a step in minutes rather than hanging a runner
 * for its six hours.
 *
 * @param connect TCP connect
 * @param socket  idle read on an open connection
 * @param attempt one HTTP attempt, end to end
 * @param apiCall one API call including its retries and backoff
 */
public record Timeouts(Duration connect, Duration socket, Duration attempt, Duration apiCall) {
    public static final Timeouts DEFAULT =
            new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMinutes(3));
}
