package dev.driftless.engine.build;

import dev.driftless.engine.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when its sleeper is asked to sleep, so waits take no real time. */
public final class SteppingClock extends Clock {
    private Instant now;
    private Duration slept = Duration.ZERO;

    public SteppingClock(Instant start) {
        this.now = start;
    }

    public Sleeper sleeper() {
        return d -> {
            now = now.plus(d);
            slept = slept.plus(d);
        };
    }

    public Duration slept() {
        return slept;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
