package dev.driftless.spec;

import java.time.Duration;
import java.util.List;

/**
 * What {@code driftless test} runs.
 *
 * @param reports a glob of JUnit XML reports to read after the commands, or null
 * @param inImage run the commands inside the service's built image instead of on the runner
 */
public record TestSpec(List<String> commands, String reports, Duration timeout, boolean inImage) {
    public static final TestSpec NONE = new TestSpec(List.of(), null, null, false);

    public TestSpec {
        commands = Maps.copy(commands);
        timeout = timeout == null ? Duration.ofMinutes(20) : timeout;
    }
}
