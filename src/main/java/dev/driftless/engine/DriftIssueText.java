package dev.driftless.engine;

import dev.driftless.plan.DriftReport;
import java.time.Instant;
import java.util.Optional;

/** How a drift issue reads: its title, its body, and the first-seen time a body carries. */
public interface DriftIssueText {
    String title(DriftReport report);

    /**
     * @param runUrl the run that looked, or null
     * @param footer the footer line (commit, time, run), or empty
     */
    String body(DriftReport report, Instant firstSeen, Instant lastSeen, String runUrl, String footer);

    Optional<Instant> firstSeen(String body);
}
