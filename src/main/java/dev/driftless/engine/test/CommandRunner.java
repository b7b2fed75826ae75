package dev.driftless.engine.test;

import java.time.Duration;
import java.util.function.Consumer;

/** Where test commands run: a shell on the runner, or a container of the built image. */
public interface CommandRunner {
    /** @param exitCode -1 when the command was killed at its timeout */
    record Outcome(int exitCode, boolean timedOut) {
        public boolean ok() {
            return exitCode == 0 && !timedOut;
        }
    }

    /** A few words for the summary, e.g. "runner" or "image 1234.dkr.ecr…/app@sha256:…". */
    String where();

    Outcome run(String command, Duration timeout, Consumer<String> output);
}
