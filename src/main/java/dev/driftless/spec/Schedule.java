package dev.driftless.spec;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** When an environment runs, in its own time zone; outside every window its services are scaled to zero. */
public record Schedule(ZoneId timezone, List<Window> running) {
    public Schedule {
        running = Maps.copy(running);
    }

    /**
     * A weekly window. {@code from} after {@code to} crosses midnight: it starts on each listed day and
     * ends the next morning.
     */
    public record Window(Set<DayOfWeek> days, LocalTime from, LocalTime to) {
        public Window {
            days = days == null ? Set.of() : Set.copyOf(days);
        }

        public boolean crossesMidnight() {
            return from.isAfter(to);
        }
    }
}
