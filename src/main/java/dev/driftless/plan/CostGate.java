package dev.driftless.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A rule that fails {@code plan} on cost ({@code --fail-on}, input {@code fail-on}), so a required check
 * blocks the merge: {@code budget} (the estimate exceeds the budget it is compared with),
 * {@code increase:USD} (the environment's monthly estimate rises by more than USD dollars) or
 * {@code increase:PCT%} (by more than PCT percent of what it costs now).
 */
public sealed interface CostGate {

    /** Why this rule fails the plan, or empty when it passes. */
    Optional<String> breach(CostHeadline cost);

    /** The rule as written. */
    String text();

    record OverBudget() implements CostGate {
        @Override
        public Optional<String> breach(CostHeadline cost) {
            if (cost.budgetUsd() == null) {
                return Optional.empty();
            }
            String whose = cost.budgetScope() == CostHeadline.BudgetScope.ENVIRONMENT
                    ? cost.environment() + "'s estimate" : "the application's estimate (all environments)";
            return cost.budgetedEstimate() > cost.budgetUsd() + 0.004
                    ? Optional.of(String.format(Locale.ROOT, "fail-on budget: %s $%.2f is over the budget of $%.2f",
                            whose, cost.budgetedEstimate(), cost.budgetUsd()))
                    : Optional.empty();
        }

        @Override
        public String text() {
            return "budget";
        }
    }

    record IncreaseUsd(double usd) implements CostGate {
        @Override
        public Optional<String> breach(CostHeadline cost) {
            return cost.environmentDelta() > usd + 0.004
                    ? Optional.of(String.format(Locale.ROOT, "fail-on %s: %s's monthly estimate rises by $%.2f, more than $%.2f",
                            text(), cost.environment(), cost.environmentDelta(), usd))
                    : Optional.empty();
        }

        @Override
        public String text() {
            return "increase:" + trim(usd);
        }
    }

    record IncreasePercent(double percent) implements CostGate {
        @Override
        public Optional<String> breach(CostHeadline cost) {
            if (cost.environmentDelta() <= 0.004) {
                return Optional.empty();
            }
            Optional<Double> pct = cost.environmentDeltaPercent();
            if (pct.isEmpty()) {
                return Optional.of(String.format(Locale.ROOT, "fail-on %s: %s costs nothing now and would cost $%.2f a month",
                        text(), cost.environment(), cost.environmentProposed()));
            }
            return pct.get() > percent + 1e-9
                    ? Optional.of(String.format(Locale.ROOT, "fail-on %s: %s's monthly estimate rises by %.0f%%, more than %s%%",
                            text(), cost.environment(), pct.get(), trim(percent)))
                    : Optional.empty();
        }

        @Override
        public String text() {
            return "increase:" + trim(percent) + "%";
        }
    }

    /** Comma- or space-separated rules, e.g. {@code budget,increase:5,increase:20%}. */
    static List<CostGate> parseAll(String value) {
        List<CostGate> gates = new ArrayList<>();
        for (String part : value.split("[,\\s]+")) {
            if (!part.isBlank()) {
                gates.add(parse(part));
            }
        }
        return List.copyOf(gates);
    }

    static CostGate parse(String rule) {
        String r = rule.trim().toLowerCase(Locale.ROOT);
        if (r.equals("budget")) {
            return new OverBudget();
        }
        if (r.startsWith("increase:")) {
            String amount = r.substring("increase:".length());
            boolean percent = amount.endsWith("%");
            String number = percent ? amount.substring(0, amount.length() - 1) : amount.startsWith("$") ? amount.substring(1) : amount;
            if (number.matches("[0-9]{1,7}(\\.[0-9]{1,2})?")) {
                double v = Double.parseDouble(number);
                return percent ? new IncreasePercent(v) : new IncreaseUsd(v);
            }
        }
        throw new IllegalArgumentException("'" + rule + "' is not a fail-on rule; use budget, increase:USD (e.g. increase:5) "
                + "or increase:PCT% (e.g. increase:20%)");
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.endsWith(".00") ? s.substring(0, s.length() - 3) : s;
    }
}
