package dev.driftless.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Monthly budget in USD, the alert thresholds (USD) that mark "at risk", and optionally each
 * environment's share of it (the plan holds an environment's estimate to its share).
 */
public record Budget(Double monthlyUsd, List<Double> alerts, Map<String, Double> environments) {
    public static final Budget NONE = new Budget(null, List.of());

    public Budget {
        alerts = Maps.copy(alerts);
        environments = environments == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(environments));
    }

    public Budget(Double monthlyUsd, List<Double> alerts) {
        this(monthlyUsd, alerts, Map.of());
    }
}
