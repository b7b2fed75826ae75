package dev.driftless.render;

import dev.driftless.engine.DeployReport;
import dev.driftless.engine.ServiceResult;
import dev.driftless.spec.Durations;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The comment on the pull request a pushed commit came from: where the change went, per service, and the
 * monthly estimate after it.
 */
public final class DeployComment {
    private DeployComment() {
    }

    /**
     * @param monthlyUsd the application's monthly estimate with the spec as deployed
     * @param runUrl link to the run (its summary has the details), or null
     */
    public static String render(String verb, String application, String sha, DeployReport report, double monthlyUsd,
            Optional<Double> budgetUsd, String runUrl) {
        StringBuilder md = new StringBuilder();
        md.append("### ").append(report.ok() ? "✅ " : "❌ ").append(verb).append(' ').append(application).append(" → ")
                .append(report.environment()).append(report.ok() ? " succeeded" : " failed").append("\n\n");
        md.append("Commit ").append(MarkdownTable.code(sha == null ? "?" : sha.substring(0, Math.min(7, sha.length()))))
                .append(", cluster ").append(MarkdownTable.code(report.cluster())).append(".\n\n");
        MarkdownTable table = new MarkdownTable("Service", "Outcome", "Image", "Duration").alignRight(3);
        for (ServiceResult s : report.services()) {
            table.row(s.service(), (s.ok() ? "" : "❌ ") + s.outcome().label()
                    + (s.deployment() == null ? "" : " (" + s.deployment() + ")"), DeployMarkdown.shortImage(s.image()),
                    s.duration().isZero() ? "" : Durations.format(Duration.ofSeconds(Math.max(1, s.duration().toSeconds()))));
        }
        md.append(table.render()).append('\n');
        md.append("Monthly estimate after this change: **").append(usd(monthlyUsd)).append("**")
                .append(budgetUsd.map(b -> " of a " + usd(b) + " budget").orElse("")).append(".\n");
        if (runUrl != null) {
            md.append("\n[Run details](").append(runUrl).append(")\n");
        }
        return md.toString();
    }

    private static String usd(double v) {
        return String.format(Locale.ROOT, "$%.2f", v);
    }
}
