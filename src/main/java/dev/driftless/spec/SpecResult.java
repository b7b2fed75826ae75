package dev.driftless.spec;

import java.util.List;
import java.util.Optional;

/**
 * What loading one spec file found: its problems in file order and, when none of them is an error, the spec.
 */
public record SpecResult(String file, DeploySpec spec, List<Problem> problems) {
    public SpecResult {
        problems = List.copyOf(problems);
        if (problems.stream().anyMatch(Problem::isError)) {
            spec = null;
        }
    }

    public boolean valid() {
        return spec != null;
    }

    /** The spec when valid. */
    public Optional<DeploySpec> validSpec() {
        return Optional.ofNullable(spec);
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }
}
