package dev.driftless.engine;

import java.time.Duration;

/** How code waits; tests pass one that advances a fake clock instead. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
