package dev.driftless.tracker;

import java.time.Duration;
import java.time.Instant;

/**
 * One deploy or rollback of one service, as kept in the tracker's history block.
 *
 * @param kind "deploy" or "rollback"
 * @param result "success" or "failed"
 */
public record HistoryEntry(Instant time, String environment, String service, String kind, String taskDefinition,
                           String image, String gitSha, String result, Duration duration) {

    public HistoryEntry {
        // the tracker shows seconds; an entry read back must equal the one written
        time = time == null ? null : time.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    public boolean success() {
        // "success", or "success (canary 10% for 5m, then all — SUCCESSFUL)" when a strategy is named
        return result != null && (result.equals("success") || result.startsWith("success ("));
    }

    /** Two entries for the same event (a run applied twice) share this key; two deploys never do. */
    String key() {
        return time + "|" + environment + "|" + service + "|" + kind + "|" + taskDefinition;
    }
}
