package dev.driftless.engine.build;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * An image's scan as ECR reports it.
 *
 * @param status ECR's scan status: IN_PROGRESS, COMPLETE, FAILED, UNSUPPORTED_IMAGE, ACTIVE, PENDING, ...
 * @param counts findings per severity (the totals, even when {@code findings} is a first page only)
 */
public record ScanReport(String status, String description, Map<Severity, Integer> counts, List<Finding> findings) {
    public ScanReport {
        counts = Map.copyOf(counts);
        findings = findings.stream().sorted(Comparator.comparing(Finding::severity).thenComparing(Finding::id)).toList();
    }

    /** Basic scanning says COMPLETE; enhanced (Inspector) scanning says ACTIVE once findings are current. */
    public boolean complete() {
        return "COMPLETE".equals(status) || "ACTIVE".equals(status);
    }

    public boolean unsupported() {
        return "UNSUPPORTED_IMAGE".equals(status) || "SCAN_ELIGIBILITY_EXPIRED".equals(status);
    }

    public boolean failed() {
        return "FAILED".equals(status) || "FINDINGS_UNAVAILABLE".equals(status);
    }

    /** How many findings are at or above the threshold. */
    public int countAtLeast(Severity threshold) {
        return counts.entrySet().stream().filter(e -> e.getKey().atLeast(threshold)).mapToInt(Map.Entry::getValue).sum();
    }

    public List<Finding> atLeast(Severity threshold) {
        return findings.stream().filter(f -> f.severity().atLeast(threshold)).toList();
    }
}
