package dev.driftless.render;

import dev.driftless.engine.test.JUnitReports;
import dev.driftless.engine.test.TestRun;
import java.time.Duration;
import java.util.List;

/** The job summary of {@code driftless test}. */
public final class TestReport {
    /** Enough failing cases to start on; the report files have the rest. */
    private static final int MAX_FAILURES = 50;

    private TestReport() {
    }

    /** The reports of every run added up, or null when no run read reports. */
    public static JUnitReports.Totals totals(List<TestRun.Result> results) {
        JUnitReports.Totals sum = null;
        for (TestRun.Result r : results) {
            if (r.reports() != null) {
                sum = sum == null ? r.reports() : sum.plus(r.reports());
            }
        }
        return sum;
    }

    public static String markdown(String application, List<TestRun.Result> results) {
        boolean failed = results.stream().anyMatch(TestRun.Result::failed);
        StringBuilder md = new StringBuilder("### driftless test — ").append(application)
                .append(failed ? " ❌" : " ✅").append("\n\n| command | where | result | took |\n|---|---|---|---|\n");
        for (TestRun.Result r : results) {
            for (TestRun.CommandResult c : r.commands()) {
                md.append("| `").append(cell(c.command())).append("` | ").append(cell(c.where())).append(" | ")
                        .append(c.ok() ? "✅ passed" : c.outcome().timedOut() ? "⏱️ timed out" : "❌ exit " + c.outcome().exitCode())
                        .append(" | ").append(took(c.took())).append(" |\n");
            }
        }
        JUnitReports.Totals t = totals(results);
        if (t != null) {
            md.append("\n**Tests:** ").append(t.passed()).append(" passed, ").append(t.failed()).append(" failed, ")
                    .append(t.skipped()).append(" skipped (").append(t.tests()).append(" in ").append(t.files())
                    .append(" report file").append(t.files() == 1 ? "" : "s").append(")\n");
            if (!t.failures().isEmpty()) {
                md.append("\n| failing test | message |\n|---|---|\n");
                t.failures().stream().limit(MAX_FAILURES).forEach(f -> md.append("| `").append(cell(f.suite()))
                        .append(f.suite().isEmpty() ? "" : ".").append(cell(f.name())).append("` | ")
                        .append(cell(f.message())).append(" |\n"));
                if (t.failures().size() > MAX_FAILURES) {
                    md.append("\n…and ").append(t.failures().size() - MAX_FAILURES).append(" more in the report files.\n");
                }
            }
        }
        return md.toString();
    }

    private static String took(Duration d) {
        long s = d.toSeconds();
        return s < 60 ? s + "s" : (s / 60) + "m" + (s % 60) + "s";
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ").replace("`", "'");
    }
}
