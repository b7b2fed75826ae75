package dev.driftless.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftless.cli.DriftlessCommand;
import dev.driftless.testing.JarRun;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine.Command;

/** The packaged jar's command-line contract, run as a process. */
class CliIT {

    @Test
    void versionPrintsTheProjectVersion() {
        JarRun.Result r = JarRun.of("--version").run();

        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout().trim()).isEqualTo("driftless " + System.getProperty("driftless.version", "0.1.0"));
    }

    @Test
    void helpListsEveryCommand() {
        JarRun.Result r = JarRun.of("--help").run();

        assertThat(r.exitCode()).as(r.describe()).isZero();
        List<String> names = commandNames().toList();
        assertThat(names).isNotEmpty();
        for (String name : names) {
            assertThat(r.stdout()).as("--help lists " + name).containsPattern("(?m)^\\s+" + name + "\\b");
        }
    }

    @ParameterizedTest(name = "{0} --help")
    @MethodSource("commandNames")
    void everyCommandsHelpRunsFromTheMinimizedJar(String command) {
        JarRun.Result r = JarRun.of(command, "--help").run();

        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).contains("Usage:");
        assertThat(r.stderr()).doesNotContain("Exception");
    }

    @Test
    void unknownFlagExitsTwoWithoutAStackTrace() {
        JarRun.Result r = JarRun.of("--no-such-flag").run();

        assertThat(r.exitCode()).as(r.describe()).isEqualTo(2);
        assertThat(r.stderr()).contains("--no-such-flag").contains("--help");
        assertThat(r.stderr()).doesNotContainPattern("\\tat |Exception");
    }

    @Test
    void unknownCommandExitsTwoWithoutAStackTrace() {
        JarRun.Result r = JarRun.of("deploi").inActions("push", "webhooks/push.main.json").run();

        assertThat(r.exitCode()).as(r.describe()).isEqualTo(2);
        assertThat(r.stdout() + r.stderr()).doesNotContainPattern("\\tat |Exception");
        assertThat(r.outputs()).isEmpty();
    }

    static Stream<String> commandNames() {
        List<Class<?>> classes = List.copyOf(DriftlessCommand.SUBCOMMANDS.values());
        return classes.stream()
                .map(c -> c.getAnnotation(Command.class))
                .filter(c -> c != null && !c.hidden())
                .map(Command::name);
    }
}
