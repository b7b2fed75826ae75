package dev.driftless.engine;

import java.util.List;
import java.util.Map;

/**
 * What a stop or start did (or, with dry-run, would do), per service in spec order.
 *
 * @param failed services whose calls failed part-way, with the message; the others were still done
 * @param returnedToSpot one line per service returned (or, with dry-run, to be returned) from its on-demand fallback
 *                       to Fargate Spot
 */
public record ScalingReport(EnvironmentScaler.Direction direction, boolean dryRun, List<ScalingDecision> decisions,
        Map<String, String> failed, List<String> returnedToSpot) {

    public ScalingReport {
        decisions = List.copyOf(decisions);
        failed = Map.copyOf(failed);
        returnedToSpot = returnedToSpot == null ? List.of() : List.copyOf(returnedToSpot);
    }

    public ScalingReport(EnvironmentScaler.Direction direction, boolean dryRun, List<ScalingDecision> decisions,
            Map<String, String> failed) {
        this(direction, dryRun, decisions, failed, List.of());
    }

    public List<ScalingStep> changed() {
        return decisions.stream()
                .filter(d -> d instanceof ScalingDecision.Change && !failed.containsKey(d.service()))
                .map(d -> ((ScalingDecision.Change) d).step()).toList();
    }

    public List<ScalingDecision.Skip> skipped() {
        return decisions.stream().filter(ScalingDecision.Skip.class::isInstance).map(ScalingDecision.Skip.class::cast).toList();
    }

    public List<ScalingDecision.Keep> kept() {
        return decisions.stream().filter(ScalingDecision.Keep.class::isInstance).map(ScalingDecision.Keep.class::cast).toList();
    }
}
