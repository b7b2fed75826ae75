package dev.driftless.render;

import dev.driftless.plan.CostHeadline;
import java.util.Locale;
import java.util.Optional;

/**
 * The cost lines at the top of a plan, one for the environment and one for the whole application:
 *
 * <pre>{@code
 * **dev:** monthly estimate $18.97 → $23.40 (+$4.43, +23%)
 * **durable-code (all environments):** monthly estimate $30.10 → $34.53 (+$4.43, +15%) · budget $25 (138%, whole application)
 * }</pre>
 *
 * The budget goes on the line it is compared with and says which that is.
 */
public final class CostHeadlineMarkdown {
    private CostHeadlineMarkdown() {
    }

    public static String render(CostHeadline cost) {
        boolean envBudget = cost.budgetScope() == CostHeadline.BudgetScope.ENVIRONMENT;
        return "**" + cost.environment() + ":** " + line(cost.environmentLive(), cost.environmentProposed(),
                cost.environmentDeltaPercent()) + (envBudget ? budget(cost, "this environment's share") : "") + "  \n"
                + "**" + cost.application() + " (all environments):** " + line(cost.applicationLive(), cost.applicationProposed(),
                cost.applicationDeltaPercent()) + (envBudget ? "" : budget(cost, "whole application")) + "\n";
    }

    /** "monthly estimate $18.97 → $23.40 (+$4.43, +23%)". */
    static String line(double live, double proposed, Optional<Double> percent) {
        double delta = proposed - live;
        String pct = percent.map(p -> ", " + (p >= 0.5 ? "+" : p <= -0.5 ? "−" : "±") + String.format(Locale.ROOT, "%.0f%%", Math.abs(p)))
                .orElse(live < 0.005 && proposed >= 0.005 ? ", new" : "");
        return "monthly estimate " + Money.usd(live) + " → " + Money.usd(proposed) + " (" + Money.delta(delta) + pct + ")";
    }

    /** "$25" for whole dollars, else "$32.50". */
    private static String dollars(double usd) {
        return Math.abs(usd - Math.rint(usd)) < 0.005 ? String.format(Locale.ROOT, "$%,.0f", usd) : Money.usd(usd);
    }

    private static String budget(CostHeadline cost, String scope) {
        return cost.budgetPercent().map(p -> " · budget " + dollars(cost.budgetUsd())
                + String.format(Locale.ROOT, " (%.0f%%, %s)", p, scope)).orElse("");
    }
}
