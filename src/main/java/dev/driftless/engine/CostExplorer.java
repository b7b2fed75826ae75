package dev.driftless.engine;

import java.time.LocalDate;
import java.util.Map;

/**
 * The two Cost Explorer questions driftless asks. Each request is billed ($0.01), so callers ask the
 * fewest: one grouped query (plus its pages) and one forecast per report.
 */
public interface CostExplorer {

    /** One page of UnblendedCost for the period, filtered by the tag if given, grouped by AWS service if asked. */
    Page costAndUsage(Query query, String pageToken);

    /** Forecast UnblendedCost (USD) for the period; a DriftlessException says why there is none. */
    double forecast(LocalDate start, LocalDate endExclusive, Tag tag);

    /** A cost-allocation tag and the value to match. */
    record Tag(String key, String value) {
    }

    /** @param tag null for the whole account */
    record Query(LocalDate start, LocalDate endExclusive, Tag tag, boolean groupByService) {
    }

    /**
     * @param byService USD per AWS service on this page, in Cost Explorer's order (empty when not grouped)
     * @param totalUsd the page's total: the sum of its groups, or the ungrouped total
     * @param nextPageToken null on the last page
     */
    record Page(Map<String, Double> byService, double totalUsd, String nextPageToken) {
        public Page {
            byService = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byService));
        }
    }
}
