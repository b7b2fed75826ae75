package dev.driftless.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The spec package's entry point: text in, bound and validated spec (or every problem) out. Pure — it
 * never reads files; {@code cli.SpecFiles} does that and {@code cli.Specs} wires both for commands.
 */
public final class SpecLoader {
    private static final List<SpecRule> RULES = List.of(
            new StructureRules(),
            new FargateRules(),
            new ScheduleRules(),
            new AccountRules(),
            new ServiceRules(),
            new DeployRules(),
            new SettingsRules());

    private SpecLoader() {
    }

    /** Parses, binds and validates one file. */
    public static SpecResult load(SpecSource source) {
        return loadLocated(source).result();
    }

    private record Located(SpecResult result, Locations locations) {
    }

    private static Located loadLocated(SpecSource source) {
        Locations locations = new Locations();
        Problems problems = new Problems(source.file(), locations);
        YamlParser.Parsed parsed = YamlParser.parse(source.file(), source.text());
        if (parsed.syntaxError() != null) {
            return new Located(new SpecResult(source.file(), null, List.of(parsed.syntaxError())), locations);
        }
        DeploySpec spec = new SpecBinder(problems).bind(parsed.root());
        if (spec != null) {
            for (SpecRule rule : RULES) {
                rule.check(spec, problems);
            }
        }
        return new Located(new SpecResult(source.file(), spec, problems.sorted()), locations);
    }

    /** Loads every file and also reports an application name declared by more than one of them. */
    public static List<SpecResult> loadAll(List<SpecSource> sources) {
        List<SpecResult> results = new ArrayList<>();
        Map<String, String> firstFile = new HashMap<>();
        for (SpecSource source : sources) {
            Located located = loadLocated(source);
            SpecResult result = located.result();
            if (result.valid()) {
                String name = result.spec().name();
                String other = firstFile.putIfAbsent(name, source.file());
                if (other != null) {
                    Locations.Position at = located.locations().of("name");
                    Problem dup = new Problem(Problem.Severity.ERROR, source.file(), at.line(), at.column(), "name",
                            "application '" + name + "' is already declared in " + other + "; each application has one spec");
                    List<Problem> problems = new ArrayList<>(result.problems());
                    problems.add(dup);
                    result = new SpecResult(source.file(), null, problems);
                }
            }
            results.add(result);
        }
        return List.copyOf(results);
    }
}
