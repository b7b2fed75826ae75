package dev.driftless.cli;

import dev.driftless.DriftlessException;
import dev.driftless.actions.Annotation;
import dev.driftless.actions.WorkflowCommands;
import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.DidYouMean;
import dev.driftless.spec.EnvironmentSpec;
import dev.driftless.spec.Problem;
import dev.driftless.spec.ServiceView;
import dev.driftless.spec.SpecLoader;
import dev.driftless.spec.SpecResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How every command gets its deploy-specs. Use it first thing in {@code call()}, before any AWS call:
 * <pre>{@code
 * List<DeploySpec> specs = Specs.load(common, ctx);              // all valid, or DriftlessException
 * DeploySpec spec = Specs.single(specs, common);                  // when the command acts on one application
 * EnvironmentSpec env = Specs.environment(spec, common, ctx);     // --env / input 'environment', required
 * Map<String, ServiceView> services = Specs.services(spec, env, common, ctx); // --service filter, overrides applied
 * }</pre>
 * An invalid spec never reaches a command: {@link #load} throws a {@link DriftlessException} listing every
 * problem as {@code file:line:col: yaml.path: message} (and, in Actions, one annotation per problem), which
 * {@code Main} prints and turns into exit code 1. Warnings are printed and do not stop the command.
 */
public final class Specs {
    private Specs() {
    }

    /** Every spec under {@code --specs}, validated; throws when any file has an error. */
    public static List<DeploySpec> load(CommonOptions common, CommandContext ctx) {
        List<SpecResult> results = check(common, ctx);
        List<Problem> errors = new ArrayList<>();
        for (SpecResult r : results) {
            errors.addAll(r.errors());
        }
        report(results, ctx, false);
        if (!errors.isEmpty()) {
            long files = results.stream().filter(r -> !r.valid()).count();
            StringBuilder message = new StringBuilder("invalid deploy-spec (" + count(errors.size(), "error") + " in "
                    + count((int) files, "file") + "):");
            errors.forEach(p -> message.append("\n  ").append(p.format()));
            throw new DriftlessException(message.toString(),
                    "fix them, then check with 'driftless validate --specs " + common.specs(ctx.actions()) + "'");
        }
        return results.stream().map(SpecResult::spec).toList();
    }

    /** Reads and checks every spec without throwing on problems: what {@code validate} reports on. */
    public static List<SpecResult> check(CommonOptions common, CommandContext ctx) {
        return SpecLoader.loadAll(SpecFiles.read(common.specs(ctx.actions()), Workspace.root(ctx).orElse(null)));
    }

    /**
     * Prints problems to stderr as {@code file:line:col: yaml.path: message} and, in Actions, annotates each.
     *
     * @param printErrors false when errors travel in the exception {@link #load} throws (still annotated)
     */
    static void report(List<SpecResult> results, CommandContext ctx, boolean printErrors) {
        WorkflowCommands commands = ctx.actions().commands();
        for (SpecResult r : results) {
            for (Problem p : r.problems()) {
                if (printErrors || !p.isError()) {
                    ctx.err().println(p.format());
                }
                if (ctx.actions().inActions()) {
                    Annotation at = Annotation.at(p.file(), p.line(), p.column());
                    if (p.isError()) {
                        commands.error(annotationText(p), at);
                    } else {
                        commands.warning(annotationText(p), at);
                    }
                }
            }
        }
        ctx.err().flush();
    }

    private static String annotationText(Problem p) {
        return p.path() == null || p.path().isEmpty() ? p.message() : p.path() + ": " + p.message();
    }

    /** The one spec a command acts on; with several applications under --specs, name the file with --specs. */
    public static DeploySpec single(List<DeploySpec> specs, CommonOptions common) {
        if (specs.size() == 1) {
            return specs.get(0);
        }
        throw new DriftlessException("--specs holds " + specs.size() + " applications ("
                + String.join(", ", specs.stream().map(DeploySpec::name).toList()) + ") and this command acts on one",
                "pass --specs with the one file, e.g. --specs " + specs.get(0).file());
    }

    /** The environment named by {@code --env} (input {@code environment}); required. */
    public static EnvironmentSpec environment(DeploySpec spec, CommonOptions common, CommandContext ctx) {
        Optional<String> name = common.environment(ctx.actions());
        if (name.isEmpty()) {
            throw new DriftlessException("no environment given; " + spec.name() + " has "
                    + String.join(", ", spec.environments().keySet()), "pass --env NAME");
        }
        return spec.environment(name.get()).orElseThrow(() -> new DriftlessException(
                "no environment '" + name.get() + "' in " + spec.file() + DidYouMean.hint(name.get(),
                        spec.environments().keySet()),
                "use one of: " + String.join(", ", spec.environments().keySet())));
    }

    /** The services as they run in {@code env}, limited to {@code --service} when given, in spec order. */
    public static Map<String, ServiceView> services(DeploySpec spec, EnvironmentSpec env, CommonOptions common,
            CommandContext ctx) {
        Map<String, ServiceView> all = spec.servicesIn(env.name());
        List<String> wanted = common.services(ctx.actions());
        if (wanted.isEmpty()) {
            return all;
        }
        Map<String, ServiceView> selected = new LinkedHashMap<>();
        for (String name : wanted) {
            ServiceView view = all.get(name);
            if (view == null) {
                throw new DriftlessException("no service '" + name + "' in " + spec.file()
                        + DidYouMean.hint(name, all.keySet()), "use one of: " + String.join(", ", all.keySet()));
            }
            selected.put(name, view);
        }
        return java.util.Collections.unmodifiableMap(selected);
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
