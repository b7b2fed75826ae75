package dev.driftless.render;

import dev.driftless.plan.CostComparison;
import dev.driftless.plan.CostEstimate;
import dev.driftless.plan.FixedLine;
import dev.driftless.plan.ServiceCost;
import dev.driftless.plan.ShiftCost;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/** The cost model's monthly estimate as markdown: per service, fixed items apart, total against the budget. */
public final class CostEstimateMarkdown {
    private CostEstimateMarkdown() {
    }

    /** Live vs proposed for a plan: one line per service with the delta, then fixed items and totals. */
    public static String comparison(CostComparison c) {
        CostEstimate p = c.proposed();
        StringBuilder md = new StringBuilder();
        md.append("#### Estimated monthly cost — ").append(month(p)).append("\n\n");
        md.append("| Environment | Service | Live | Proposed | Change |\n|---|---|---:|---:|---:|\n");
        for (CostComparison.Line l : c.lines()) {
            md.append("| ").append(l.environment()).append(" | ").append(l.service()).append(" | ")
                    .append(Money.usd(l.liveUsd())).append(" | ").append(Money.usd(l.proposedUsd())).append(" | ")
                    .append(Money.delta(l.deltaUsd())).append(" |\n");
        }
        for (FixedLine f : p.fixed()) {
            md.append("| ").append(f.environment() == null ? "all" : f.environment()).append(" | ")
                    .append(f.name()).append(" (fixed) | ").append(Money.usd(f.monthlyUsd())).append(" | ")
                    .append(Money.usd(f.monthlyUsd())).append(" | ±$0.00 |\n");
        }
        md.append(shiftRows(c));
        md.append("| **Total** | | **").append(Money.usd(c.live().totalUsd())).append("** | **")
                .append(Money.usd(p.totalUsd())).append("** | **").append(Money.delta(c.deltaUsd())).append("** |\n\n");
        md.append(budgetLine(p)).append("\n");
        md.append(notes(shiftNotes(p)));
        md.append(notes(c.liveOnlyNotes()));
        md.append(details(p));
        if (c.hoursDiffer()) {
            // a schedule change moves the hours, so the live side's arithmetic is no longer the proposed one's
            md.append("\n<details><summary>How the live figures are made</summary>\n\n").append(table(c.live()))
                    .append("</details>\n");
        }
        return md.toString();
    }

    /** One estimate, with how each figure was reached. */
    public static String estimate(CostEstimate e) {
        StringBuilder md = new StringBuilder();
        md.append("#### Estimated monthly cost — ").append(month(e)).append("\n\n");
        md.append(table(e));
        md.append(budgetLine(e)).append("\n");
        md.append(notes(shiftNotes(e)));
        md.append(notes(e.notes()));
        return md.toString();
    }

    /** Live vs proposed for the deploys that run a second set of tasks, where the spec says how many a month. */
    private static String shiftRows(CostComparison c) {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        c.proposed().shifts().forEach(s -> keys.add(s.key()));
        c.live().shifts().forEach(s -> keys.add(s.key()));
        StringBuilder md = new StringBuilder();
        for (String key : keys) {
            java.util.Optional<ShiftCost> after = shift(c.proposed(), key);
            java.util.Optional<ShiftCost> before = shift(c.live(), key);
            double liveUsd = before.map(ShiftCost::monthlyUsd).orElse(0.0);
            double proposedUsd = after.map(ShiftCost::monthlyUsd).orElse(0.0);
            if (liveUsd == 0 && proposedUsd == 0) {
                continue;
            }
            ShiftCost any = after.or(() -> before).orElseThrow();
            md.append("| ").append(any.environment()).append(" | ").append(any.service()).append(" (")
                    .append(any.strategy()).append(" deploys, ").append(any.deploysPerMonth()).append("/month) | ")
                    .append(Money.usd(liveUsd)).append(" | ").append(Money.usd(proposedUsd)).append(" | ")
                    .append(Money.delta(proposedUsd - liveUsd)).append(" |\n");
        }
        return md.toString();
    }

    private static String perDeploy(double usd) {
        return usd > 0 && usd < 0.005 ? "under $0.01" : Money.usd(usd);
    }

    private static java.util.Optional<ShiftCost> shift(CostEstimate e, String key) {
        return e.shifts().stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** What each traffic-shifting deploy adds, one line per service, and whether the monthly total counts it. */
    static List<String> shiftNotes(CostEstimate e) {
        return e.shifts().stream().map(s -> s.environment() + "/" + s.service() + ": each " + s.strategy()
                + " deploy runs " + Money.number(s.tasks()) + " more " + (s.tasks() == 1 ? "task" : "tasks") + " for "
                + Money.number(s.minutes()) + " min (" + s.basis() + "): " + perDeploy(s.usdPerDeploy()) + " per deploy"
                + (s.deploysPerMonth() == null ? ", not in the monthly total (set deploy.deploysPerMonth to include it)"
                        : " × " + s.deploysPerMonth() + " deploys = " + Money.usd(s.monthlyUsd()) + "/month"))
                .toList();
    }

    /** The per-service arithmetic in a collapsible block. */
    static String details(CostEstimate e) {
        StringBuilder md = new StringBuilder();
        md.append("<details><summary>How the estimate is made</summary>\n\n");
        md.append(table(e));
        md.append(notes(e.notes()));
        md.append("</details>\n");
        return md.toString();
    }

    private static String table(CostEstimate e) {
        StringBuilder md = new StringBuilder();
        md.append("| Environment | Service | Size | Tasks | Hours | Rate | Monthly |\n|---|---|---|---|---:|---|---:|\n");
        for (ServiceCost s : e.services()) {
            md.append("| ").append(s.environment()).append(" | ").append(s.service()).append(" | ")
                    .append(Money.number(s.vcpu())).append(" vCPU, ").append(Money.number(s.memoryGb())).append(" GB ")
                    .append(s.architecture()).append(" | ").append(tasks(s)).append(" | ")
                    .append(Money.number(s.hours())).append(" (").append(s.hoursBasis()).append(") | ")
                    .append(rates(s)).append(" | ").append(Money.usd(s.monthlyUsd())).append(" |\n");
        }
        for (FixedLine f : e.fixed()) {
            md.append("| ").append(f.environment() == null ? "all" : f.environment()).append(" | ").append(f.name())
                    .append(" | fixed | | | | ").append(Money.usd(f.monthlyUsd())).append(" |\n");
        }
        for (ShiftCost s : e.shifts()) {
            if (s.deploysPerMonth() != null) {
                md.append("| ").append(s.environment()).append(" | ").append(s.service()).append(" | ")
                        .append(s.strategy()).append(" deploys | ").append(Money.number(s.tasks())).append(" more | ")
                        .append(Money.number(s.minutes() * s.deploysPerMonth() / 60.0)).append(" (")
                        .append(s.deploysPerMonth()).append(" × ").append(s.basis()).append(") | ")
                        .append(perDeploy(s.usdPerDeploy())).append(" per deploy | ").append(Money.usd(s.monthlyUsd()))
                        .append(" |\n");
            }
        }
        md.append("| **Total** | | | | | | **").append(Money.usd(e.totalUsd())).append("** |\n\n");
        return md.toString();
    }

    private static String tasks(ServiceCost s) {
        if (s.spotTasks() == 0) {
            return Money.number(s.onDemandTasks()) + " on demand";
        }
        if (s.onDemandTasks() == 0) {
            return Money.number(s.spotTasks()) + " Spot";
        }
        return Money.number(s.onDemandTasks()) + " on demand + " + Money.number(s.spotTasks()) + " Spot";
    }

    private static String rates(ServiceCost s) {
        String od = "$" + s.rates().vcpuHour() + "/vCPU-h, $" + s.rates().gbHour() + "/GB-h";
        if (s.spotTasks() > 0 && s.rates().hasSpot()) {
            return od + "; Spot $" + s.rates().spotVcpuHour() + "/vCPU-h, $" + s.rates().spotGbHour() + "/GB-h";
        }
        return od;
    }

    static String budgetLine(CostEstimate e) {
        if (e.budgetUsd() == null) {
            return "No budget set (`budget.monthlyUsd`).\n";
        }
        double headroom = e.headroomUsd().orElseThrow();
        return "Budget " + Money.usd(e.budgetUsd()) + "/month: "
                + (headroom >= 0 ? Money.usd(headroom) + " to spare" : Money.usd(-headroom) + " over") + ".\n";
    }

    /** Caveats as a blockquote, one line each, then a blank line; nothing without any. */
    public static String notes(List<String> notes) {
        StringBuilder md = new StringBuilder();
        for (String n : notes) {
            md.append("> ").append(n).append("\n");
        }
        if (!notes.isEmpty()) {
            md.append("\n");
        }
        return md.toString();
    }

    static String month(CostEstimate e) {
        return e.month().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + e.month().getYear();
    }
}
