package dev.driftless.spec;

import java.time.Duration;
import java.util.List;

/**
 * Application-wide deploy defaults; an environment may set its own timeout.
 *
 * @param before one-off tasks ({@code tasks.<name>}) deploy runs, in order, with the new revisions before it
 *               updates any service; a failing one stops the deploy
 */
public record DeploySettings(Duration timeout, int retain, List<String> before) {
    public static final DeploySettings DEFAULT = new DeploySettings(Duration.ofMinutes(30), 10);

    public DeploySettings {
        timeout = timeout == null ? Duration.ofMinutes(30) : timeout;
        retain = retain <= 0 ? 10 : retain;
        before = Maps.copy(before);
    }

    public DeploySettings(Duration timeout, int retain) {
        this(timeout, retain, null);
    }
}
