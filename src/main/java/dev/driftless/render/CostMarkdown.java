package dev.driftless.render;

import dev.driftless.plan.ActualSpend;
import dev.driftless.plan.BudgetAssessment;
import dev.driftless.plan.BudgetStatus;
import dev.driftless.plan.CostEstimate;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code cost} report: actual month-to-date spend by AWS service from Cost Explorer, the forecast,
 * the budget bar and status, and the cost model's estimate beside the actual figures.
 */
public final class CostMarkdown {
    /** Heading of the section the report occupies in the plan's sticky PR comment. */
    public static final String SECTION = "cost";
    private static final int BAR = 20;

    private CostMarkdown() {
    }

    public static String render(String application, ActualSpend spend, BudgetAssessment budget,
            Optional<CostEstimate> estimate) {
        StringBuilder md = new StringBuilder();
        String monthName = spend.month().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
                + spend.month().getYear();
        md.append("### Cost — ").append(application).append(", ").append(monthName).append("\n\n");
        md.append(statusLine(budget)).append("\n\n");

        md.append("| AWS service | Month to date |\n|---|---:|\n");
        for (Map.Entry<String, Double> e : spend.byService().entrySet()) {
            md.append("| ").append(e.getKey()).append(" | ").append(Money.usd(e.getValue())).append(" |\n");
        }
        md.append("| **Total** | **").append(Money.usd(spend.monthToDateUsd())).append("** |\n\n");
        md.append("Cost Explorer, UnblendedCost tagged `").append(spend.tagKey()).append('=').append(spend.tagValue())
                .append("`, ").append(period(spend)).append(".\n\n");

        if (spend.tagProblem() != null) {
            md.append("> [!WARNING]\n> ").append(spend.tagProblem()).append("\n\n");
        }

        md.append("| | USD |\n|---|---:|\n");
        md.append("| Month to date (actual) | ").append(Money.usd(spend.monthToDateUsd())).append(" |\n");
        md.append("| Forecast for the month (Cost Explorer) | ")
                .append(spend.forecastMonthEndUsd().map(Money::usd).orElse("—")).append(" |\n");
        estimate.ifPresent(e -> md.append("| Estimate for the month (driftless cost model) | ")
                .append(Money.usd(e.totalUsd())).append(" |\n"));
        if (budget.budgetUsd() != null) {
            md.append("| Budget | ").append(Money.usd(budget.budgetUsd())).append(" |\n");
        }
        md.append("\n");
        if (spend.forecastMissing() != null) {
            md.append("No forecast: ").append(spend.forecastMissing()).append("\n\n");
        }
        if (estimate.isPresent() && spend.forecastMonthEndUsd().isPresent()) {
            double gap = spend.forecastMonthEndUsd().get() - estimate.get().totalUsd();
            md.append("Forecast vs estimate: ").append(Money.delta(gap)).append(" (")
                    .append(gap >= 0 ? "spending more than the specs explain" : "spending less than estimated")
                    .append(").\n\n");
        }
        estimate.ifPresent(e -> md.append(CostEstimateMarkdown.details(e)));
        return md.toString();
    }

    static String statusLine(BudgetAssessment b) {
        if (b.status() == BudgetStatus.NO_BUDGET) {
            return "**No budget set** — add `budget: { monthlyUsd: … }` to the spec to track one.";
        }
        double shown = b.projectedUsd() == null ? b.monthToDateUsd() : Math.max(b.projectedUsd(), b.monthToDateUsd());
        double ratio = shown / b.budgetUsd();
        int filled = (int) Math.min(BAR, Math.round(ratio * BAR));
        String bar = "█".repeat(filled) + "░".repeat(BAR - filled);
        String what = b.projectedUsd() == null ? "spent" : "projected (" + b.projectionBasis() + ")";
        StringBuilder s = new StringBuilder();
        s.append(icon(b.status())).append(" **").append(b.status().label()).append("** `").append(bar).append("` ")
                .append(Money.usd(shown)).append(' ').append(what).append(" of ").append(Money.usd(b.budgetUsd()))
                .append(String.format(Locale.ROOT, " (%.0f%%)", ratio * 100));
        if (!b.alertsCrossed().isEmpty()) {
            s.append(" — alert").append(b.alertsCrossed().size() > 1 ? "s " : " ");
            for (int i = 0; i < b.alertsCrossed().size(); i++) {
                s.append(i == 0 ? "" : ", ").append(Money.usd(b.alertsCrossed().get(i)));
            }
            s.append(" reached");
        }
        return s.toString();
    }

    private static String icon(BudgetStatus s) {
        return switch (s) {
            case ON_TRACK -> "🟢";
            case AT_RISK -> "🟠";
            case OVER -> "🔴";
            case NO_BUDGET -> "⚪";
        };
    }

    private static String period(ActualSpend s) {
        if (!s.toExclusive().isAfter(s.from())) {
            return "no complete day yet this month";
        }
        String m = s.month().getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        return m + " " + s.from().getDayOfMonth() + "–" + s.toExclusive().minusDays(1).getDayOfMonth()
                + " (UTC days; today is not complete)";
    }
}
