package dev.driftless.cli;

import dev.driftless.engine.DeployReport;
import dev.driftless.engine.ServiceResult;
import dev.driftless.engine.ServiceResult.Outcome;
import dev.driftless.render.DeployMarkdown;
import dev.driftless.render.JsonText;
import dev.driftless.spec.DeploySpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where a deploy's or rollback's result goes: the job summary, step outputs, and stdout (text or --json). */
final class DeployResults {
    private DeployResults() {
    }

    static void publish(String verb, DeploySpec spec, DeployReport report, CommandContext ctx, boolean json) {
        ctx.actions().summary().append(DeployMarkdown.render(verb, spec.name(), report));
        ctx.actions().outputs().set("task-definition-arns", write(report.taskDefinitionArns(), false));
        boolean rolledBack = !report.with(Outcome.ROLLED_BACK, Outcome.FAILED_ROLLED_BACK).isEmpty();
        ctx.actions().outputs().set("deployed", String.valueOf(report.ok() && !report.dryRun()));
        ctx.actions().outputs().set("rolled-back", String.valueOf(rolledBack));
        for (ServiceResult s : report.services()) {
            if (!s.ok()) {
                ctx.actions().commands().error(s.service() + ": " + s.outcome().label()
                        + (s.deployment() == null ? "" : " (" + s.deployment() + ")")
                        + (s.reasons().isEmpty() ? "" : " — " + String.join("; ", s.reasons())), null);
            }
        }
        if (json) {
            ctx.out().println(write(json(spec, report), true));
        } else {
            for (ServiceResult s : report.services()) {
                ctx.out().println(s.service() + ": " + s.outcome().label()
                        + (s.deployment() == null ? "" : " (" + s.deployment() + ")")
                        + (s.taskDefinitionArn() == null ? "" : " (" + s.taskDefinitionArn().substring(s.taskDefinitionArn().lastIndexOf('/') + 1) + ")")
                        + (s.ok() || s.changes().isEmpty() ? "" : "\n  changed by this run: " + String.join("; ", s.changes()))
                        // in Actions a failed service's reasons are in its ::error annotation just above
                        + (s.reasons().isEmpty() || (!s.ok() && ctx.actions().inActions()) ? ""
                                : "\n  " + String.join("\n  ", s.reasons())));
            }
        }
    }

    private static Map<String, Object> json(DeploySpec spec, DeployReport report) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("application", spec.name());
        j.put("environment", report.environment());
        j.put("cluster", report.cluster());
        j.put("dryRun", report.dryRun());
        j.put("ok", report.ok());
        List<Map<String, Object>> services = report.services().stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("service", s.service());
            m.put("outcome", s.outcome().name().toLowerCase(java.util.Locale.ROOT));
            m.put("taskDefinitionArn", s.taskDefinitionArn());
            m.put("attempted", s.attempted());
            m.put("previous", s.previous());
            m.put("image", s.image());
            m.put("durationSeconds", s.duration().toSeconds());
            m.put("reasons", s.reasons());
            if (s.deployment() != null) {
                m.put("deployment", s.deployment());
            }
            m.put("changes", s.changes());
            return m;
        }).toList();
        j.put("services", services);
        return j;
    }

    private static String write(Object value, boolean pretty) {
        return pretty ? JsonText.pretty(value) : JsonText.compact(value);
    }
}
