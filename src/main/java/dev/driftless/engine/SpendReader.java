package dev.driftless.engine;

import dev.driftless.DriftlessException;
import dev.driftless.plan.ActualSpend;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads the month's spend for one cost-allocation tag with the fewest billed requests: one
 * GetCostAndUsage grouped by service (and its pages) for the 1st up to today, and one GetCostForecast
 * from today to the end of the month.
 *
 * <p>Only when the tagged total is zero does it ask one more, unfiltered and ungrouped question: is
 * there spend in the account at all? Zero tagged cost beside real account spend means the tag is not
 * activated for cost allocation (or nothing carries it) — the one mistake that makes every later report
 * silently read $0, so it is worth $0.01 exactly when it can be the case, and never otherwise.
 */
public final class SpendReader {
    /** Half a cent: below this a month-to-date total is "nothing". */
    private static final double NOTHING = 0.005;
    private static final int MAX_PAGES = 100;

    private final CostExplorer costExplorer;

    public SpendReader(CostExplorer costExplorer) {
        this.costExplorer = costExplorer;
    }

    /** @param today the UTC day of "now"; the month is today's month */
    public ActualSpend read(CostExplorer.Tag tag, LocalDate today) {
        YearMonth month = YearMonth.from(today);
        LocalDate first = month.atDay(1);
        LocalDate nextMonth = month.plusMonths(1).atDay(1);
        Map<String, Double> byService = new LinkedHashMap<>();
        double total = 0;
        boolean asked = false;
        // on the 1st nothing is complete yet: there is no month-to-date period to ask about
        if (today.isAfter(first)) {
            asked = true;
            CostExplorer.Query query = new CostExplorer.Query(first, today, tag, true);
            Set<String> seen = new HashSet<>();
            String token = null;
            do {
                CostExplorer.Page page = costExplorer.costAndUsage(query, token);
                page.byService().forEach((k, v) -> byService.merge(k, v, Double::sum));
                total += page.totalUsd();
                token = page.nextPageToken();
                if (token != null && !seen.add(token)) {
                    throw new DriftlessException("Cost Explorer returned the same NextPageToken twice; stopped paging");
                }
            } while (token != null && seen.size() < MAX_PAGES);
        }

        String tagProblem = null;
        Double accountTotal = null;
        if (asked && Math.abs(total) < NOTHING) {
            accountTotal = costExplorer.costAndUsage(new CostExplorer.Query(first, today, null, false), null).totalUsd();
            if (accountTotal >= NOTHING) {
                tagProblem = String.format(java.util.Locale.ROOT,
                        "Cost Explorer finds no cost tagged %s=%s since %s, but the account spent $%.2f: the tag %s "
                                + "is probably not activated as a cost-allocation tag (or no resource carries it). "
                                + "Activate it in Billing and Cost Management → Cost allocation tags, from the "
                                + "management account, or run `aws ce update-cost-allocation-tags-status "
                                + "--cost-allocation-tags-status TagKey=%s,Status=Active`; Cost Explorer applies it "
                                + "from activation on (within 24 hours), not to earlier spend.",
                        tag.key(), tag.value(), first, accountTotal, tag.key(), tag.key());
            }
        }

        Double forecast = null;
        String forecastMissing = null;
        if (tagProblem != null) {
            forecastMissing = "not asked, because the tag filter matches no cost (its forecast would read $0)";
        } else {
            try {
                forecast = costExplorer.forecast(today, nextMonth, tag);
            } catch (DriftlessException e) {
                forecastMissing = e.getMessage() + (e.hint() == null ? "" : " — " + e.hint());
            }
        }

        Map<String, Double> sorted = new LinkedHashMap<>();
        byService.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return new ActualSpend(month, first, today, tag.key(), tag.value(), sorted, total, forecast,
                forecastMissing, tagProblem, accountTotal);
    }
}
