package dev.driftless.render;

import dev.driftless.plan.ActualSpend;
import dev.driftless.plan.BudgetAssessment;
import dev.driftless.plan.CostComparison;
import dev.driftless.plan.CostEstimate;
import dev.driftless.plan.CostModel;
import dev.driftless.plan.PriceTable;
import dev.driftless.plan.RecordedSchedulePlans;
import dev.driftless.plan.SampleSpecsAccess;
import dev.driftless.spec.Budget;
import dev.driftless.spec.CostSettings;
import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.ServiceView;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CostMarkdownTest {
    static final YearMonth NOV = YearMonth.of(2026, 11);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    final CostModel model = new CostModel(PriceTable.builtIn());

    static Map<String, Double> services() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("Amazon Elastic Container Service", 6.25);
        m.put("Amazon Elastic Load Balancing", 4.20);
        m.put("Amazon Route 53", 0.50);
        m.put("AmazonCloudWatch", 0.35);
        m.put("Amazon EC2 Container Registry (ECR)", 0.10);
        return m;
    }

    static ActualSpend spend(Map<String, Double> byService, double mtd, Double forecast, String missing, String tag,
            Double account) {
        return new ActualSpend(NOV, NOV.atDay(1), TODAY, "Project", "durable-code", byService, mtd, forecast, missing,
                tag, account);
    }

    CostEstimate estimate() {
        return model.proposed(SampleSpecsAccess.durableCode(), Optional.empty(), NOV);
    }

    @Test
    void onTrackWithForecastAndEstimate() throws Exception {
        ActualSpend s = spend(services(), 11.40, 6.60, null, null, null);
        BudgetAssessment b = BudgetAssessment.of(new Budget(25.0, List.of(25.0, 40.0, 60.0)), 11.40,
                s.forecastMonthEndUsd(), Optional.of(estimate().totalUsd()));
        GoldenFiles.assertMatches("cost/on-track.md", CostMarkdown.render("durable-code", s, b, Optional.of(estimate())));
    }

    @Test
    void forecastMissingFallsBackToTheEstimate() throws Exception {
        CostEstimate all = model.proposed(SampleSpecsAccess.durableCode(), Optional.empty(), NOV);
        ActualSpend s = spend(Map.of("Amazon Elastic Container Service", 2.00), 2.00, null,
                "Cost Explorer has no data for this period (GetCostForecast: Insufficient amount of historical data to "
                        + "generate forecast.)", null, null);
        BudgetAssessment b = BudgetAssessment.of(new Budget(25.0, List.of(25.0, 40.0, 60.0)), 2.00,
                s.forecastMonthEndUsd(), Optional.of(all.totalUsd()));
        GoldenFiles.assertMatches("cost/at-risk-no-forecast.md", CostMarkdown.render("durable-code", s, b, Optional.of(all)));
    }

    @Test
    void overBudgetWithoutEstimate() throws Exception {
        ActualSpend s = spend(Map.of("Amazon Elastic Container Service", 31.00), 31.00, 12.00, null, null, null);
        BudgetAssessment b = BudgetAssessment.of(new Budget(25.0, List.of(25.0, 40.0, 60.0)), 31.00,
                s.forecastMonthEndUsd(), Optional.empty());
        GoldenFiles.assertMatches("cost/over.md", CostMarkdown.render("durable-code", s, b, Optional.empty()));
    }

    @Test
    void tagNotActivated() throws Exception {
        ActualSpend s = spend(Map.of(), 0, null, "not asked, because the tag filter matches no cost (its forecast would read $0)",
                "Cost Explorer finds no cost tagged Project=durable-code since 2026-11-01, but the account spent $12.34: "
                        + "the tag Project is probably not activated as a cost-allocation tag.", 12.34);
        BudgetAssessment b = BudgetAssessment.of(Budget.NONE, 0, Optional.empty(), Optional.empty());
        GoldenFiles.assertMatches("cost/tag-not-activated.md", CostMarkdown.render("durable-code", s, b, Optional.empty()));
    }

    @Test
    void planEstimateLiveVersusProposed() throws Exception {
        DeploySpec spec = SampleSpecsAccess.durableCode(new CostSettings("Project", List.of(
                new CostSettings.FixedCost("Application Load Balancer", 16.43, "prod"),
                new CostSettings.FixedCost("Route 53 hosted zone", 0.50, null)), Map.of()), "us-west-2");
        CostEstimate proposed = model.proposed(spec, Optional.empty(), NOV);
        CostEstimate live = model.proposed(SampleSpecsAccess.withProdBackendAt(spec, 256, 512, 1), Optional.empty(), NOV);
        GoldenFiles.assertMatches("cost/plan-estimate.md", CostEstimateMarkdown.comparison(new CostComparison(live, proposed)));
    }

    /* dev goes from the recorded weekdays 08:00–20:00 to always on; frontend's recorded schedule was hashed. */
    @Test
    void planEstimateScheduleChangeUsesTheRecordedSchedule() throws Exception {
        DeploySpec spec = SampleSpecsAccess.withDevSchedule(SampleSpecsAccess.durableCode(), null);
        Map<String, ServiceView> views = spec.servicesIn("dev");
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("backend", "America/Los_Angeles Mon-Fri 08:00-20:00");
        tags.put("frontend", "hash:0123456789abcdef");
        CostComparison c = new CostComparison(model.live(spec, RecordedSchedulePlans.dev(tags), views, NOV),
                model.estimate(spec, views.values(), NOV));
        GoldenFiles.assertMatches("cost/plan-estimate-schedule-change.md", CostEstimateMarkdown.comparison(c));
    }
}
