package dev.driftless.cli;

import dev.driftless.engine.EnvironmentScaler.Direction;
import dev.driftless.engine.ScalingDecision;
import dev.driftless.engine.ScalingReport;
import dev.driftless.engine.ScalingStep;
import dev.driftless.engine.ScalingStep.Bounds;
import java.util.List;
import java.util.Optional;

/**
 * One service's line of a stop/start/schedule report, as both the job summary table and {@code --json}
 * show it.
 *
 * @param result        stop, start, failed, skipped or unchanged (a dry run says what would happen)
 * @param desiredBefore null for services that were not touched (skipped, unchanged)
 * @param targetBefore  the scalable target as read, empty when the service has none or was not touched
 * @param targetAfter   the min/max registered, empty when the target was left alone
 * @param reason        why skipped or unchanged, the failure, or a note on the change; may be null
 */
record ScalingRow(String service, String result, Integer desiredBefore, Integer desiredAfter,
        Optional<Bounds> targetBefore, Optional<Bounds> targetAfter, String reason) {

    static List<ScalingRow> of(ScalingReport r) {
        return r.decisions().stream().map(d -> of(r, d)).toList();
    }

    private static ScalingRow of(ScalingReport r, ScalingDecision d) {
        if (d instanceof ScalingDecision.Change c) {
            ScalingStep s = c.step();
            String failed = r.failed().get(s.service());
            String result = failed != null ? "failed" : r.direction() == Direction.STOP ? "stop" : "start";
            return new ScalingRow(s.service(), result, s.desiredBefore(), s.desiredAfterOrBefore(), s.targetBefore(),
                    s.targetAfter(), failed != null ? failed : s.note());
        }
        if (d instanceof ScalingDecision.Skip s) {
            return new ScalingRow(s.service(), "skipped", null, null, Optional.empty(), Optional.empty(), s.reason());
        }
        ScalingDecision.Keep k = (ScalingDecision.Keep) d;
        return new ScalingRow(k.service(), "unchanged", null, null, Optional.empty(), Optional.empty(), k.reason());
    }

    boolean touched() {
        return desiredBefore != null;
    }
}
