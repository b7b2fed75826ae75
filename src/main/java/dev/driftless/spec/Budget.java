package dev.driftless.spec;

import java.util.List;

/** Monthly budget in USD and the alert thresholds (USD) that mark "at risk". */
public record Budget(Double monthlyUsd, List<Double> alerts) {
    public static final Budget NONE = new Budget(null, List.of());

    public Budget {
        alerts = Maps.copy(alerts);
    }
}
