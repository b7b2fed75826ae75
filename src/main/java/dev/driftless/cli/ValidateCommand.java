package dev.driftless.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.driftless.spec.Problem;
import dev.driftless.spec.SpecResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code driftless validate}: every problem in every spec at once; exit 1 on any error, warnings do not fail. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check deploy-specs against the schema and the semantic rules; report every problem at once "
                + "as file:line:col: yaml.path: message (and as annotations in GitHub Actions).")
public final class ValidateCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    private final CommandContext ctx;

    public ValidateCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        List<SpecResult> results = Specs.check(common, ctx);
        Specs.report(results, ctx, true);
        boolean valid = results.stream().allMatch(SpecResult::valid);
        if (common.json()) {
            ctx.out().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(json(results, valid)));
        } else {
            results.forEach(r -> ctx.out().println(line(r)));
        }
        ctx.out().flush();
        if (ctx.actions().summary().writesFile()) {
            ctx.actions().summary().append(summary(results));
        }
        return valid ? ExitCode.OK : ExitCode.FAILURE;
    }

    private static String line(SpecResult r) {
        String warnings = r.warnings().isEmpty() ? "" : "; " + Specs.count(r.warnings().size(), "warning");
        if (r.valid()) {
            return "✔ " + r.file() + ": " + r.spec().name() + " is valid ("
                    + Specs.count(r.spec().environments().size(), "environment") + ", "
                    + Specs.count(r.spec().services().size(), "service") + warnings + ")";
        }
        return "✖ " + r.file() + ": " + Specs.count(r.errors().size(), "error") + warnings;
    }

    private static Map<String, Object> json(List<SpecResult> results, boolean valid) {
        List<Map<String, Object>> files = new ArrayList<>();
        for (SpecResult r : results) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("file", r.file());
            f.put("valid", r.valid());
            if (r.valid()) {
                f.put("application", r.spec().name());
                f.put("environments", List.copyOf(r.spec().environments().keySet()));
                f.put("services", List.copyOf(r.spec().services().keySet()));
            }
            List<Map<String, Object>> problems = new ArrayList<>();
            for (Problem p : r.problems()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("severity", p.severity().name().toLowerCase(Locale.ROOT));
                m.put("file", p.file());
                m.put("line", p.line());
                m.put("column", p.column());
                m.put("path", p.path());
                m.put("message", p.message());
                problems.add(m);
            }
            f.put("problems", problems);
            files.add(f);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("valid", valid);
        out.put("errors", results.stream().mapToInt(r -> r.errors().size()).sum());
        out.put("warnings", results.stream().mapToInt(r -> r.warnings().size()).sum());
        out.put("files", files);
        return out;
    }

    private static String summary(List<SpecResult> results) {
        StringBuilder md = new StringBuilder("### driftless validate\n\n");
        for (SpecResult r : results) {
            md.append("- ").append(line(r).replace("✔", "✅").replace("✖", "❌")).append('\n');
            for (Problem p : r.problems()) {
                md.append("  - `").append(p.file()).append(':').append(p.line()).append("` ")
                        .append(p.isError() ? "" : "⚠️ ").append(p.path().isEmpty() ? "" : "`" + p.path() + "`: ")
                        .append(p.message()).append('\n');
            }
        }
        return md.toString();
    }
}
