package dev.driftless.spec;

import java.time.Duration;

/** Application-wide deploy defaults; an environment may set its own timeout. */
public record DeploySettings(Duration timeout, int retain) {
    public static final DeploySettings DEFAULT = new DeploySettings(Duration.ofMinutes(30), 10);

    public DeploySettings {
        timeout = timeout == null ? Duration.ofMinutes(30) : timeout;
        retain = retain <= 0 ? 10 : retain;
    }
}
