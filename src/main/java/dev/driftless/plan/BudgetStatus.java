package dev.driftless.plan;

/** Where the month stands against the budget; {@link #output()} is the step output's value. */
public enum BudgetStatus {
    ON_TRACK("on-track", "on track"),
    AT_RISK("at-risk", "at risk"),
    OVER("over", "over budget"),
    NO_BUDGET("none", "no budget set");

    private final String output;
    private final String label;

    BudgetStatus(String output, String label) {
        this.output = output;
        this.label = label;
    }

    public String output() {
        return output;
    }

    public String label() {
        return label;
    }
}
