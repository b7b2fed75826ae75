package dev.driftless.spec;

import java.util.List;

/** A container health check as ECS takes it; interval/timeout in seconds. */
public record HealthCheck(List<String> command, int interval, int timeout, int retries, int startPeriod) {
    public HealthCheck {
        command = Maps.copy(command);
        interval = interval <= 0 ? 30 : interval;
        timeout = timeout <= 0 ? 5 : timeout;
        retries = retries <= 0 ? 3 : retries;
    }
}
