package dev.driftless.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftless.spec.Budget;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BudgetAssessmentTest {

    /* budget $25, alerts at $25, $40, $60 (the sample spec); forecast/estimate blank = none */
    @ParameterizedTest(name = "mtd {0}, forecast {1}, estimate {2} → {3}")
    @CsvSource(delimiter = '|', value = {
        " 11.40 | 18.00 |       | ON_TRACK | forecast |            ",
        " 11.40 | 26.40 |       | AT_RISK  | forecast | 25         ",
        " 11.40 | 25.00 |       | AT_RISK  | forecast | 25         ",
        " 26.00 | 41.00 |       | OVER     | forecast | 25 40      ",
        " 61.00 |       |       | OVER     |          | 25 40 60   ",
        "  2.00 |       | 46.30 | AT_RISK  | estimate | 25 40      ",
        "  2.00 |       | 20.00 | ON_TRACK | estimate |            ",
        "  2.00 |  9.00 | 46.30 | ON_TRACK | forecast |            ",
        "  0.00 |       |       | ON_TRACK |          |            ",
    })
    void statusAgainstBudgetAndAlerts(double mtd, Double forecast, Double estimate, BudgetStatus status,
            String basis, String crossed) {
        BudgetAssessment a = BudgetAssessment.of(new Budget(25.0, List.of(25.0, 40.0, 60.0)), mtd,
                Optional.ofNullable(forecast), Optional.ofNullable(estimate));
        assertThat(a.status()).isEqualTo(status);
        assertThat(a.projectionBasis()).isEqualTo(basis);
        List<Double> expected = crossed == null ? List.of()
                : Arrays.stream(crossed.trim().split("\\s+")).map(Double::valueOf).toList();
        assertThat(a.alertsCrossed()).isEqualTo(expected);
    }

    /* budget $100 with an early-warning alert at $50: crossing it is "at risk" before the budget is. */
    @ParameterizedTest(name = "budget 100, alert 50: forecast {0} → {1}")
    @CsvSource({"45, ON_TRACK", "55, AT_RISK", "120, AT_RISK"})
    void alertBelowTheBudgetWarnsEarly(double forecast, BudgetStatus status) {
        BudgetAssessment a = BudgetAssessment.of(new Budget(100.0, List.of(50.0)), 30, Optional.of(forecast),
                Optional.empty());
        assertThat(a.status()).isEqualTo(status);
    }

    @ParameterizedTest(name = "no budget: {0}")
    @CsvSource({"0", "500"})
    void noBudgetIsItsOwnStatus(double mtd) {
        BudgetAssessment a = BudgetAssessment.of(Budget.NONE, mtd, Optional.empty(), Optional.empty());
        assertThat(a.status()).isEqualTo(BudgetStatus.NO_BUDGET);
        assertThat(a.status().output()).isEqualTo("none");
    }
}
