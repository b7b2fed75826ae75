package dev.driftless.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.driftless.DriftlessException;
import dev.driftless.aws.AwsClients;
import dev.driftless.engine.CostExplorer;
import dev.driftless.engine.SpendReader;
import dev.driftless.plan.ActualSpend;
import dev.driftless.plan.BudgetAssessment;
import dev.driftless.plan.CostEstimate;
import dev.driftless.tracker.RunOutcome;
import dev.driftless.plan.CostModel;
import dev.driftless.plan.PriceTable;
import dev.driftless.render.CostMarkdown;
import dev.driftless.spec.DeploySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code cost}: what the application spent this month (Cost Explorer, by AWS service), the forecast to
 * the month's end, the cost model's estimate beside them, and where that leaves the budget.
 *
 * <p>Figures are for the whole application, because its cost tag and its budget are: {@code --env}
 * only picks the environment whose AWS settings read Cost Explorer. Months are UTC months, as AWS bills.
 */
@Command(name = "cost", mixinStandardHelpOptions = true,
        description = "Month-to-date AWS spend (Cost Explorer, by service), the forecast, the estimate, "
                + "and the budget status: on track, at risk or over.")
public final class CostCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    TrackerOptions tracker;

    private final CommandContext ctx;

    public CostCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        DeploySpec spec = Specs.single(Specs.load(common, ctx), common);
        Optional<String> environment = common.environment(ctx.actions());
        if (environment.isPresent()) {
            Specs.environment(spec, common, ctx);
        }
        LocalDate today = common.now(ctx).atZone(ZoneOffset.UTC).toLocalDate();
        CostExplorer.Tag tag = costTag(spec);

        CostEstimate estimate = new CostModel(PriceTable.builtIn()).proposed(spec, Optional.empty(), YearMonth.from(today));
        ActualSpend spend;
        ctx.err().println("reading " + today.withDayOfMonth(1) + " to " + today + " from Cost Explorer (tag "
                + tag.key() + "=" + tag.value() + ")");
        try (AwsClients aws = AwsClients.forEnvironment(spec, environment.orElse(null), ctx, common)) {
            aws.requireAccount();
            spend = new SpendReader(aws.costExplorer(ctx.sleeper())).read(tag, today);
        }
        BudgetAssessment budget = BudgetAssessment.of(spec.budget(), spend.monthToDateUsd(),
                spend.forecastMonthEndUsd(), Optional.of(estimate.totalUsd()));

        String markdown = CostMarkdown.render(spec.name(), spend, budget, Optional.of(estimate));
        ctx.actions().summary().append(markdown);
        ctx.actions().outputs().set("month-to-date-usd", usd(spend.monthToDateUsd()));
        ctx.actions().outputs().set("forecast-usd", spend.forecastMonthEndUsd().map(CostCommand::usd).orElse(""));
        ctx.actions().outputs().set("budget-status", budget.status().output());
        PullRequestSection.publish(ctx, CostMarkdown.SECTION, markdown, "the cost report");
        if (spend.tagProblem() != null) {
            ctx.actions().commands().warning(spend.tagProblem(), null);
        }
        if (spend.forecastMissing() != null) {
            ctx.actions().commands().notice("no Cost Explorer forecast: " + spend.forecastMissing(), null);
        }

        if (common.json()) {
            ctx.out().println(json(spec, spend, budget, estimate));
        } else {
            ctx.out().println(console(spend, budget, estimate));
        }
        double alwaysOn = new CostModel(PriceTable.builtIn()).alwaysOn(spec, YearMonth.from(today)).totalUsd();
        new TrackerStep(ctx).record(spec, new RunOutcome.CostReported(common.now(ctx), spec.name(), alwaysOn,
                estimate.totalUsd(), spend.monthToDateUsd(), spend.forecastMonthEndUsd().orElse(null)), tracker, false);
        return ExitCode.OK;
    }

    private static CostExplorer.Tag costTag(DeploySpec spec) {
        String key = spec.cost().tag();
        String value = spec.tags().get(key);
        if (value == null || value.isBlank()) {
            throw new DriftlessException(spec.file() + " has no tag '" + key + "' for Cost Explorer to filter on",
                    "add it under tags (e.g. " + key + ": " + spec.name() + "), or name another tag in cost.tag");
        }
        return new CostExplorer.Tag(key, value);
    }

    private static String console(ActualSpend s, BudgetAssessment b, CostEstimate e) {
        StringBuilder out = new StringBuilder();
        out.append("month to date ").append(money(s.monthToDateUsd()));
        out.append(" · forecast ").append(s.forecastMonthEndUsd().map(CostCommand::money).orElse("none"));
        out.append(" · estimate ").append(money(e.totalUsd()));
        out.append(" · budget ").append(b.budgetUsd() == null ? "none" : money(b.budgetUsd()));
        out.append(": ").append(b.status().label());
        s.byService().forEach((k, v) -> out.append("\n  ").append(money(v)).append("  ").append(k));
        if (s.forecastMissing() != null) {
            out.append("\nno forecast: ").append(s.forecastMissing());
        }
        if (s.tagProblem() != null) {
            out.append("\nwarning: ").append(s.tagProblem());
        }
        return out.toString();
    }

    private static String json(DeploySpec spec, ActualSpend s, BudgetAssessment b, CostEstimate e) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("application", spec.name());
        j.put("month", s.month().toString());
        j.put("from", s.from().toString());
        j.put("toExclusive", s.toExclusive().toString());
        j.put("tag", Map.of("key", s.tagKey(), "value", s.tagValue()));
        j.put("monthToDateUsd", round(s.monthToDateUsd()));
        j.put("byService", s.byService());
        j.put("forecastUsd", s.forecastMonthEndUsd().map(CostCommand::round).orElse(null));
        j.put("forecastMissing", s.forecastMissing());
        j.put("estimateUsd", round(e.totalUsd()));
        j.put("budgetUsd", b.budgetUsd());
        j.put("budgetStatus", b.status().output());
        j.put("alertsCrossed", b.alertsCrossed());
        j.put("tagProblem", s.tagProblem());
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(j);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static String usd(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String money(double v) {
        return String.format(Locale.ROOT, "$%,.2f", v);
    }
}
