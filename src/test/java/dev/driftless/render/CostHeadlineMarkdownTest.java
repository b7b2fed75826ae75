package dev.driftless.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftless.plan.CostHeadline;
import dev.driftless.plan.CostHeadline.BudgetScope;
import org.junit.jupiter.api.Test;

class CostHeadlineMarkdownTest {

    @Test
    void theApplicationLineCarriesTheWholeApplicationsBudget() {
        var cost = new CostHeadline("dev", "durable-code", 18.97, 23.40, 18.97, 23.40, 25.0, BudgetScope.APPLICATION);

        assertThat(CostHeadlineMarkdown.render(cost)).isEqualTo(
                "**dev:** monthly estimate $18.97 → $23.40 (+$4.43, +23%)  \n"
                        + "**durable-code (all environments):** monthly estimate $18.97 → $23.40 (+$4.43, +23%)"
                        + " · budget $25 (94%, whole application)\n");
    }

    @Test
    void anEnvironmentShareGoesOnTheEnvironmentsLine() {
        var cost = new CostHeadline("prod", "shop", 40, 30, 60, 50, 32.5, BudgetScope.ENVIRONMENT);

        assertThat(CostHeadlineMarkdown.render(cost)).isEqualTo(
                "**prod:** monthly estimate $40.00 → $30.00 (−$10.00, −25%) · budget $32.50 (92%, this environment's share)  \n"
                        + "**shop (all environments):** monthly estimate $60.00 → $50.00 (−$10.00, −17%)\n");
    }

    @Test
    void aNewEnvironmentHasNoPercentAndNoBudgetMeansNoBudgetPart() {
        var cost = new CostHeadline("dev", "app", 0, 5, 0, 5, null, BudgetScope.APPLICATION);

        assertThat(CostHeadlineMarkdown.render(cost)).isEqualTo(
                "**dev:** monthly estimate $0.00 → $5.00 (+$5.00, new)  \n"
                        + "**app (all environments):** monthly estimate $0.00 → $5.00 (+$5.00, new)\n");
    }
}
