package dev.driftless.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;

/**
 * One row of a table-driven rule test: a change to the minimal spec and what validation must say —
 * nothing (a passing case), or an error or warning at a YAML path whose message contains a fragment.
 */
record RuleCase(String name, UnaryOperator<SpecFixture> change, Problem.Severity severity, String path,
        String fragment) {

    static RuleCase valid(String name, UnaryOperator<SpecFixture> change) {
        return new RuleCase(name, change, null, null, null);
    }

    static RuleCase error(String name, UnaryOperator<SpecFixture> change, String path, String fragment) {
        return new RuleCase(name, change, Problem.Severity.ERROR, path, fragment);
    }

    static RuleCase warning(String name, UnaryOperator<SpecFixture> change, String path, String fragment) {
        return new RuleCase(name, change, Problem.Severity.WARNING, path, fragment);
    }

    void verify() {
        SpecResult result = change.apply(SpecFixture.minimal()).load();
        if (severity == null) {
            assertThat(SpecFixture.errors(result)).as(name).isEmpty();
            assertThat(result.valid()).isTrue();
            return;
        }
        if (severity == Problem.Severity.WARNING) {
            assertThat(SpecFixture.errors(result)).as(name + ": a warning must not fail").isEmpty();
            assertThat(result.valid()).isTrue();
        } else {
            assertThat(result.valid()).as(name).isFalse();
        }
        assertThat(result.problems())
                .as(name + " → expected " + severity + " at " + path + " containing '" + fragment + "'; got "
                        + result.problems())
                .anySatisfy(p -> {
                    assertThat(p.severity()).isEqualTo(severity);
                    assertThat(p.path()).isEqualTo(path);
                    assertThat(p.message()).contains(fragment);
                    assertThat(p.line()).isPositive();
                    assertThat(p.column()).isPositive();
                });
    }

    @Override
    public String toString() {
        return name;
    }
}
