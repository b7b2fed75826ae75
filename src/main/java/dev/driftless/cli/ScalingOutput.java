package dev.driftless.cli;

import dev.driftless.engine.EnvironmentScaler.Direction;
import dev.driftless.engine.ScalingDecision;
import dev.driftless.engine.ScalingReport;
import dev.driftless.engine.ScalingStep;
import dev.driftless.plan.ScheduleEvaluator.Transition;
import dev.driftless.plan.ScheduleSavings;
import dev.driftless.tracker.RunOutcome;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reports a stop, start or schedule run: console lines, the job summary, and the step outputs
 * {@code action}, {@code changed}, {@code skipped}, {@code next-transition}, {@code saved-hours}, {@code saved-usd}.
 */
final class ScalingOutput {
    private ScalingOutput() {
    }

    /** The console lines, then the results; a run that waits prints its results only after the wait. */
    static void publish(CommandContext ctx, ScalingRun run, boolean json) {
        console(ctx, run);
        results(ctx, run, json);
    }

    /** Progress lines on stderr: the headline, one line per service, the next transition, the month's savings. */
    static void console(CommandContext ctx, ScalingRun run) {
        ScheduleSavings savings = run.savings();
        ctx.err().println(run.headline());
        run.report().ifPresent(r -> lines(r).forEach(ctx.err()::println));
        run.next().ifPresent(t -> ctx.err().println("next: " + describe(t, run.target().zone())));
        if (savings.stoppedHours() > 0) {
            ctx.err().println(String.format(Locale.ROOT, "this month's schedule: %.0f h stopped, about $%.2f saved",
                    savings.stoppedHours(), savings.savedUsd()));
        }
        ctx.err().flush();
    }

    /**
     * The job summary and the step outputs; with {@code json}, the report as JSON on stdout, which
     * carries nothing else of ours (in Actions the runner still reads workflow commands such as
     * ::add-mask:: from stdout).
     */
    static void results(CommandContext ctx, ScalingRun run, boolean json) {
        Optional<ScalingReport> report = run.report();
        ZoneId zone = run.target().zone();
        ScheduleSavings savings = run.savings();
        if (json) {
            ctx.out().println(ScalingJson.render(run));
            ctx.out().flush();
        }

        StringBuilder md = new StringBuilder("### driftless " + run.command() + ": " + run.target().env().name()
                + (run.dryRun() ? " (dry run)" : "") + "\n\n");
        md.append(run.headline()).append("\n\n");
        report.ifPresent(r -> md.append(table(r)));
        report.ifPresent(r -> r.returnedToSpot().forEach(line -> md.append("\n**Capacity:** ").append(cell(line)).append('\n')));
        run.waitOutcome().ifPresent(w -> md.append("\n**Wait:** ").append(w.verdict()).append('\n'));
        run.next().ifPresent(t -> md.append("\n**Next transition:** ").append(describe(t, zone)).append('\n'));
        if (savings.stoppedHours() > 0) {
            md.append(String.format(Locale.ROOT, "%n**This month (%s):** the schedule runs %.0f h and keeps the environment stopped"
                    + " %.0f h, saving about **$%.2f** of Fargate at the spec's prices.%n",
                    savings.month(), savings.runningHours(), savings.stoppedHours(), savings.savedUsd()));
        }
        ctx.actions().summary().append(md.toString());

        ctx.actions().outputs().set("action", run.dryRun() ? "none" : run.action());
        ctx.actions().outputs().set("changed", report.map(r -> r.changed().stream()
                .map(s -> s.service() + ":" + s.desiredBefore() + "->" + s.desiredAfterOrBefore())
                .collect(Collectors.joining(","))).orElse(""));
        ctx.actions().outputs().set("skipped", report.map(r -> r.skipped().stream().map(ScalingDecision.Skip::service)
                .collect(Collectors.joining(","))).orElse(""));
        ctx.actions().outputs().set("next-transition", run.next().map(t -> t.kind().name().toLowerCase(Locale.ROOT) + " " + t.at()).orElse(""));
        ctx.actions().outputs().set("saved-hours", String.format(Locale.ROOT, "%.0f", savings.stoppedHours()));
        ctx.actions().outputs().set("saved-usd", String.format(Locale.ROOT, "%.2f", savings.savedUsd()));
    }

    /** Records a stop or start that changed services in the progress tracker (never a dry run or a no-op). */
    static void track(CommandContext ctx, ScalingTarget target, ScalingReport report, TrackerOptions options, java.time.Instant at) {
        List<String> changed = report.changed().stream().map(ScalingStep::service)
                .filter(s -> !report.failed().containsKey(s)).toList();
        if (report.dryRun() || changed.isEmpty()) {
            return;
        }
        RunOutcome.Scaled.Action action = report.direction() == Direction.STOP
                ? RunOutcome.Scaled.Action.STOPPED : RunOutcome.Scaled.Action.STARTED;
        new TrackerStep(ctx).record(target.spec(), new RunOutcome.Scaled(at, target.spec().name(), target.env().name(), action,
                changed, target.services().size()), options, false);
    }

    static List<String> lines(ScalingReport r) {
        String verb = r.dryRun() ? "would " : "";
        Map<String, String> lines = new LinkedHashMap<>();
        for (ScalingDecision d : r.decisions()) {
            String line;
            if (d instanceof ScalingDecision.Change c) {
                line = "  " + c.service() + ": " + verb + change(c.step())
                        + (r.failed().containsKey(c.service()) ? " — FAILED: " + r.failed().get(c.service()) : "");
            } else if (d instanceof ScalingDecision.Skip s) {
                line = "  " + s.service() + ": skipped, " + s.reason();
            } else {
                line = "  " + d.service() + ": unchanged, " + ((ScalingDecision.Keep) d).reason();
            }
            lines.put(d.service(), line);
        }
        List<String> all = new java.util.ArrayList<>(lines.values());
        r.returnedToSpot().forEach(line -> all.add("  " + line));
        return List.copyOf(all);
    }

    private static String table(ScalingReport r) {
        StringBuilder md = new StringBuilder("| service | result | desiredCount | autoscaling min-max | note |\n|---|---|---|---|---|\n");
        for (ScalingRow row : ScalingRow.of(r)) {
            boolean changing = row.result().equals("stop") || row.result().equals("start");
            md.append("| ").append(row.service()).append(" | ").append(r.dryRun() && changing ? "would " : "").append(row.result())
                    .append(" | ").append(row.touched() ? row.desiredBefore() + " → " + row.desiredAfter() : "")
                    .append(" | ").append(row.touched() ? row.targetBefore().map(Object::toString).orElse("—") : "")
                    .append(row.targetAfter().map(t -> " → " + t).orElse(""))
                    .append(" | ").append(cell(row.reason())).append(" |\n");
        }
        return md.toString();
    }

    private static String change(ScalingStep s) {
        StringBuilder b = new StringBuilder("desiredCount " + s.desiredBefore() + " → " + s.desiredAfterOrBefore());
        s.targetAfter().ifPresent(t -> b.append(", autoscaling ").append(s.targetBefore().map(Object::toString).orElse("none"))
                .append(" → ").append(t));
        if (s.note() != null) {
            b.append(" (").append(s.note()).append(')');
        }
        return b.toString();
    }

    static String describe(Transition t, ZoneId zone) {
        return (t.kind() == Transition.Kind.START ? "start" : "stop") + " at " + t.at() + " (" + t.local(zone).toLocalDateTime()
                + " " + zone.getId() + ")";
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
