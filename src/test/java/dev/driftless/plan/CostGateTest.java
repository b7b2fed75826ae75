package dev.driftless.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftless.plan.CostHeadline.BudgetScope;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CostGateTest {
    private static final CostHeadline COST = new CostHeadline("dev", "app", 18.97, 23.40, 30, 34.43, 25.0, BudgetScope.APPLICATION);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "budget         | fail-on budget: the application's estimate (all environments) $34.43 is over the budget of $25.00",
        "increase:4     | fail-on increase:4: dev's monthly estimate rises by $4.43, more than $4.00",
        "increase:$4.43 | ''",
        "increase:20%   | fail-on increase:20%: dev's monthly estimate rises by 23%, more than 20%",
        "increase:25%   | ''",
    })
    void eachRuleSaysWhyItFailsOrNothing(String rule, String reason) {
        assertThat(CostGate.parse(rule).breach(COST)).isEqualTo(reason.isEmpty() ? Optional.empty() : Optional.of(reason));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"budget, increase:5 |2", "increase:5% increase:1|2", "''|0"})
    void rulesAreCommaOrSpaceSeparated(String value, int count) {
        assertThat(CostGate.parseAll(value)).hasSize(count);
    }

    @ParameterizedTest
    @ValueSource(strings = {"increase", "increase:", "increase:-5", "increase:5%%", "budgets", "increase:1e9"})
    void malformedRulesAreRefusedWithTheForms(String rule) {
        assertThatThrownBy(() -> CostGate.parse(rule)).hasMessageContaining("use budget, increase:USD");
    }
}
