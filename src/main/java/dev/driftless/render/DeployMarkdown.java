package dev.driftless.render;

import dev.driftless.engine.DeployReport;
import dev.driftless.engine.ServiceResult;
import dev.driftless.spec.Durations;
import java.time.Duration;

/** The job-summary section of a deploy or rollback: one row per service with its result, duration and reasons. */
public final class DeployMarkdown {
    /** Reasons beyond this many per service are counted, not listed (the stopped-task list can be long). */
    static final int REASONS_SHOWN = 6;

    private DeployMarkdown() {
    }

    /** @param verb "Deploy" or "Rollback" */
    public static String render(String verb, String application, DeployReport report) {
        StringBuilder md = new StringBuilder();
        long failed = report.services().stream().filter(s -> !s.ok()).count();
        md.append("### ").append(report.ok() ? "✅ " : "❌ ").append(verb).append(' ').append(application)
                .append(" → ").append(report.environment()).append(report.dryRun() ? " (dry run)" : "").append("\n\n");
        md.append(report.services().size()).append(report.services().size() == 1 ? " service" : " services")
                .append(" in cluster ").append(MarkdownTable.code(report.cluster()))
                .append(failed == 0 ? "" : ", " + failed + " failed").append(".\n\n");
        MarkdownTable table = new MarkdownTable("Service", "Result", "Task definition", "Image", "Duration", "Reasons")
                .alignRight(4);
        for (ServiceResult s : report.services()) {
            table.row(s.service(), (s.ok() ? "" : "❌ ") + s.outcome().label()
                    + (s.deployment() == null ? "" : " (" + s.deployment() + ")"), shortArn(s.taskDefinitionArn()),
                    shortImage(s.image()), s.duration().isZero() ? "" : Durations.format(round(s.duration())),
                    reasons(s));
        }
        // a blank line ends the table, so what the next step appends to the summary is not read as a row
        md.append(table.withoutEmptyColumns().render()).append('\n');
        return md.toString();
    }

    private static String reasons(ServiceResult s) {
        String changed = s.changes().isEmpty() || s.ok() ? "" : "• changed by this run: " + String.join("; ", s.changes());
        if (s.reasons().isEmpty()) {
            return changed;
        }
        StringBuilder b = new StringBuilder(changed.isEmpty() ? "" : changed + "\n");
        int shown = Math.min(REASONS_SHOWN, s.reasons().size());
        for (int i = 0; i < shown; i++) {
            b.append(i == 0 ? "" : "\n").append("• ").append(s.reasons().get(i));
        }
        if (s.reasons().size() > shown) {
            b.append("\n… and ").append(s.reasons().size() - shown).append(" more in the log");
        }
        return b.toString();
    }

    private static Duration round(Duration d) {
        return Duration.ofSeconds(Math.max(1, Math.round(d.toMillis() / 1000.0)));
    }

    static String shortArn(String arn) {
        return arn == null ? "" : arn.substring(arn.lastIndexOf('/') + 1);
    }

    static String shortImage(String image) {
        if (image == null) {
            return "";
        }
        String tail = image.substring(image.lastIndexOf('/') + 1);
        int at = tail.indexOf("@sha256:");
        // a digest is long; the first 12 hex digits identify it in a table
        return at >= 0 && tail.length() > at + 20 ? tail.substring(0, at + 20) : tail;
    }
}
