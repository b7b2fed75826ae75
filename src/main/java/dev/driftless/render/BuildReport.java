package dev.driftless.render;

import dev.driftless.engine.build.Finding;
import dev.driftless.engine.build.ImageBuild;
import dev.driftless.engine.build.RepositoryReconciler;
import dev.driftless.engine.build.ScanGate;
import dev.driftless.engine.build.Severity;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The job summary of {@code driftless build}, and the console text of a failed scan gate. */
public final class BuildReport {
    /** Enough findings to act on; the rest are one click away in the console. */
    private static final int WORST = 10;

    private BuildReport() {
    }

    public static String markdown(String application, String environment, ImageBuild.Result result) {
        StringBuilder md = new StringBuilder();
        md.append("### driftless build — ").append(application).append(" / ").append(environment)
                .append(result.options().dryRun() ? " (dry run)" : "").append("\n\n");
        md.append("| service | image | tags | digest | scan |\n|---|---|---|---|---|\n");
        for (ImageBuild.Built b : result.images()) {
            md.append("| ").append(cell(String.join(", ", b.job().services())))
                    .append(" | `").append(cell(b.image())).append("`")
                    .append(" | ").append(cell(b.tags().stream().map(t -> "`" + t + "`").collect(Collectors.joining(" "))))
                    .append(" | ").append(b.digest() == null ? "—" : "`" + b.digest() + "`" + (b.reused() ? " (reused)" : ""))
                    .append(" | ").append(cell(scanCell(b, result.options()))).append(" |\n");
        }
        if (!result.options().scanGate() && result.options().push() && !result.options().dryRun()) {
            md.append("\n> ⚠️ **Scan gate skipped** (`--skip-scan-gate`): these images were not checked for vulnerabilities before deploy.\n");
        }
        List<String> changes = result.repositories().stream()
                .flatMap(o -> o.changes().stream().map(c -> "`" + o.repository() + "`: " + c)).toList();
        md.append("\n**ECR repositories:** ");
        if (changes.isEmpty()) {
            md.append("all in line with the spec (no change made).\n");
        } else {
            md.append(result.options().dryRun() ? "would change\n" : "changed\n");
            changes.forEach(c -> md.append("- ").append(c).append('\n'));
        }
        for (ImageBuild.Built b : result.images()) {
            List<Finding> shown = findings(b.verdict());
            if (!shown.isEmpty()) {
                md.append("\n<details><summary>Findings for ").append(b.image()).append(" (worst first)</summary>\n\n")
                        .append("| id | severity | package |\n|---|---|---|\n");
                for (Finding f : shown) {
                    md.append("| ").append(f.link() == null ? f.id() : "[" + f.id() + "](" + f.link() + ")")
                            .append(" | ").append(f.severity()).append(" | ").append(f.pkg() == null ? "" : cell(f.pkg())).append(" |\n");
                }
                md.append("\n</details>\n");
            }
        }
        return md.toString();
    }

    /** For the console: each failed gate with its worst findings and links. */
    public static String gateFailures(ImageBuild.Result result) {
        StringBuilder s = new StringBuilder();
        for (ImageBuild.Built b : result.images()) {
            if (b.verdict() instanceof ScanGate.Verdict.Failed f) {
                s.append(b.image()).append('@').append(b.digest()).append(": ").append(f.count())
                        .append(" finding(s) at ").append(b.job().failOn()).append(" or worse\n");
                f.worst().stream().limit(WORST).forEach(x -> s.append("  ").append(x.severity()).append(' ').append(x.id())
                        .append(x.pkg() == null ? "" : " in " + x.pkg()).append(x.link() == null ? "" : " — " + x.link()).append('\n'));
            } else if (b.verdict() instanceof ScanGate.Verdict.Incomplete i) {
                s.append(b.image()).append('@').append(b.digest()).append(": ").append(i.reason()).append('\n');
            }
        }
        return s.toString().stripTrailing();
    }

    /** One line: which images failed and the worst ids. */
    public static String gateHeadline(ImageBuild.Result result) {
        return result.images().stream().filter(ImageBuild.Built::gateFailed).map(b -> {
            if (b.verdict() instanceof ScanGate.Verdict.Failed f) {
                return b.job().repository() + " has " + f.count() + " finding(s) at " + b.job().failOn() + " or worse ("
                        + f.worst().stream().limit(3).map(Finding::id).collect(Collectors.joining(", "))
                        + (f.worst().size() > 3 ? ", …" : "") + ")";
            }
            return b.job().repository() + ": " + ((ScanGate.Verdict.Incomplete) b.verdict()).reason();
        }).collect(Collectors.joining("; "));
    }

    private static String scanCell(ImageBuild.Built b, ImageBuild.Options options) {
        ScanGate.Verdict v = b.verdict();
        if (v == null) {
            return options.dryRun() ? "—" : !options.push() ? "not pushed" : "⚠️ skipped";
        }
        if (v instanceof ScanGate.Verdict.Passed p) {
            return "✅ passed (fails on " + b.job().failOn() + ")" + counts(p.report().counts());
        }
        if (v instanceof ScanGate.Verdict.Failed f) {
            return "❌ " + f.count() + " at " + b.job().failOn() + " or worse" + counts(f.report().counts());
        }
        if (v instanceof ScanGate.Verdict.Unscannable u) {
            return "⚠️ not scannable: " + u.reason();
        }
        return "❌ " + ((ScanGate.Verdict.Incomplete) v).reason();
    }

    private static String counts(Map<Severity, Integer> counts) {
        if (counts.isEmpty()) {
            return "; no findings";
        }
        return "; " + counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    }

    private static List<Finding> findings(ScanGate.Verdict v) {
        if (v instanceof ScanGate.Verdict.Failed f) {
            return f.report().findings().stream().limit(WORST).toList();
        }
        if (v instanceof ScanGate.Verdict.Passed p) {
            return p.report().findings().stream().limit(WORST).toList();
        }
        return List.of();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
