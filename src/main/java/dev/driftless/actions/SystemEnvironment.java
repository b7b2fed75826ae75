package dev.driftless.actions;

import java.util.Map;

/** The one place that reads the process environment; everything else receives the map. */
public final class SystemEnvironment {
    private SystemEnvironment() {
    }

    public static Map<String, String> read() {
        return Map.copyOf(System.getenv());
    }
}
