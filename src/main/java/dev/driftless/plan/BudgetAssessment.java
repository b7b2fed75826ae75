package dev.driftless.plan;

import dev.driftless.spec.Budget;
import java.util.List;
import java.util.Optional;

/**
 * The month against {@code budget.monthlyUsd} and its alert thresholds (USD):
 * <ul>
 *   <li>over — month-to-date spend is already above the budget;</li>
 *   <li>at risk — not over yet, but the projected month end is above the budget or reaches the lowest
 *       alert threshold;</li>
 *   <li>on track — otherwise.</li>
 * </ul>
 * The projection is Cost Explorer's forecast (month-to-date + forecast of the rest); without one, the
 * cost model's estimate for the month.
 *
 * @param projectedUsd null when neither a forecast nor an estimate is available
 * @param projectionBasis "forecast", "estimate" or null
 * @param alertsCrossed thresholds reached by the month-to-date spend or the projection, ascending
 */
public record BudgetAssessment(
        BudgetStatus status,
        Double budgetUsd,
        double monthToDateUsd,
        Double projectedUsd,
        String projectionBasis,
        List<Double> alertsCrossed) {

    public BudgetAssessment {
        alertsCrossed = List.copyOf(alertsCrossed);
    }

    public static BudgetAssessment of(Budget budget, double monthToDateUsd, Optional<Double> forecastMonthEndUsd,
            Optional<Double> estimateUsd) {
        Double projected = forecastMonthEndUsd.or(() -> estimateUsd).orElse(null);
        String basis = forecastMonthEndUsd.isPresent() ? "forecast" : estimateUsd.isPresent() ? "estimate" : null;
        Double limit = budget.monthlyUsd();
        double reach = projected == null ? monthToDateUsd : Math.max(projected, monthToDateUsd);
        List<Double> crossed = budget.alerts().stream().filter(a -> reach >= a).sorted().toList();
        if (limit == null) {
            return new BudgetAssessment(BudgetStatus.NO_BUDGET, null, monthToDateUsd, projected, basis, crossed);
        }
        BudgetStatus status;
        if (monthToDateUsd > limit) {
            status = BudgetStatus.OVER;
        } else if (reach > limit || !crossed.isEmpty()) {
            status = BudgetStatus.AT_RISK;
        } else {
            status = BudgetStatus.ON_TRACK;
        }
        return new BudgetAssessment(status, limit, monthToDateUsd, projected, basis, crossed);
    }
}
