package dev.driftless.plan;

import java.util.Optional;

/**
 * The monthly cost a plan moves, for its environment and for the whole application, and the budget it is
 * held to. The budget is compared like with like: an environment's own share of it when the spec gives
 * one, else the whole application's estimate.
 *
 * @param environmentLive     the environment's services as they run now (plus its fixed items)
 * @param environmentProposed the same with this plan applied
 * @param applicationLive     every environment: this one live, the others at the spec's estimate
 * @param applicationProposed every environment at the spec's estimate
 * @param budgetUsd           the budget, if any
 * @param budgetScope         what the budget covers
 */
public record CostHeadline(
        String environment,
        String application,
        double environmentLive,
        double environmentProposed,
        double applicationLive,
        double applicationProposed,
        Double budgetUsd,
        BudgetScope budgetScope) {

    /** Whom a budget belongs to. */
    public enum BudgetScope {
        ENVIRONMENT, APPLICATION
    }

    public double environmentDelta() {
        return environmentProposed - environmentLive;
    }

    public double applicationDelta() {
        return applicationProposed - applicationLive;
    }

    /** The environment's change in percent of what it costs now; empty when nothing runs now. */
    public Optional<Double> environmentDeltaPercent() {
        return percent(environmentLive, environmentProposed);
    }

    public Optional<Double> applicationDeltaPercent() {
        return percent(applicationLive, applicationProposed);
    }

    /** The estimate the budget is compared with: the environment's or the whole application's. */
    public double budgetedEstimate() {
        return budgetScope == BudgetScope.ENVIRONMENT ? environmentProposed : applicationProposed;
    }

    /** The budgeted estimate in percent of the budget; empty without a budget. */
    public Optional<Double> budgetPercent() {
        return budgetUsd == null || budgetUsd <= 0 ? Optional.empty() : Optional.of(budgetedEstimate() / budgetUsd * 100);
    }

    private static Optional<Double> percent(double before, double after) {
        return before < 0.005 ? Optional.empty() : Optional.of((after - before) / before * 100);
    }
}
