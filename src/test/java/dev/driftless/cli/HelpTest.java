package dev.driftless.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftless.render.GoldenFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Help that reads like ecspresso's: golden texts, only the options a command uses, examples, clean wrapping. */
class HelpTest {
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new HashMap<>(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"plan", "validate", "drift"})
    void goldenHelp(String command) throws Exception {
        Run run = run(command, "--help");

        assertThat(run.code).isZero();
        GoldenFiles.assertMatches("help-" + command + ".txt", run.out);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "validate | --role-arn",
        "validate | --env",
        "validate | --dry-run",
        "plan     | --dry-run",
        "cost     | --service",
        "auth     | --at",
        "demo     | --json",
    })
    void aCommandDoesNotOfferASharedOptionItDoesNotUse(String command, String option) {
        assertThat(run(command, "--help").out).doesNotContain(option + "=").doesNotContain(option + " ");
        Run misuse = run(command, option, "x");
        assertThat(misuse.code).isEqualTo(ExitCode.USAGE);
        assertThat(misuse.err).contains("unknown option '" + option + "' for 'driftless " + command + "'");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"validate", "plan", "deploy", "rollback", "schedule", "stop", "start", "cost", "build", "test",
        "auth", "matrix", "drift", "demo"})
    void everyCommandEndsWithTwoExamplesOfItself(String command) {
        String help = run(command, "--help").out;
        String examples = help.substring(help.indexOf("\nExamples:\n") + "\nExamples:\n".length());

        assertThat(examples.lines().filter(l -> l.startsWith("  driftless " + command)).count()).as(help).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"plan", "deploy", "rollback", "schedule", "stop", "start", "build", "auth", "drift"})
    void commandsThatActOnAnEnvironmentSayItIsRequired(String command) {
        assertThat(run(command, "--help").out).containsPattern("--env=NAME +Required\\. The environment to act on");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "plan", "stop", "start", "schedule", "deploy", "cost", "validate", "matrix", "drift"})
    void helpWrapsAtSpacesOnlyWithinTheWidth(String command) {
        String help = command.isEmpty() ? run().out : run(command, "--help").out;

        assertThat(help.lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(100));
        // every ISO instant and every file:line:col appears whole on one line
        Matcher m = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]+Z|file:line:col").matcher(help.replace("\n", " "));
        List<String> tokens = new ArrayList<>();
        while (m.find()) {
            tokens.add(m.group());
        }
        tokens.forEach(t -> assertThat(help.lines().anyMatch(l -> l.contains(t))).as(t + " split across lines").isTrue());
        assertThat(help).doesNotContain("%n").doesNotContain("%%");
    }

    @Test
    void wrappingNeverBreaksAWord() {
        assertThat(HelpText.wrap("until 2026-11-25T16:00:00Z in file:line:col and role-to-assume", 12, ""))
                .containsExactly("until", "2026-11-25T16:00:00Z", "in", "file:line:col", "and", "role-to-assume");
        assertThat(HelpText.wrap("a b c d", 3, "  ")).containsExactly("  a b", "  c d");
    }

    @Test
    void noCommandPrintsTheCommandList() {
        Run run = run();

        assertThat(run.code).isEqualTo(ExitCode.USAGE);
        assertThat(run.out).startsWith("Usage: driftless [-hV] [COMMAND]").contains("Commands:")
                .contains("\n  plan ").contains("\n  drift ").contains("\n  validate ");
        assertThat(run.err).doesNotContain("Missing required subcommand");
    }

    @ParameterizedTest(name = "{1} → {2}")
    @CsvSource(delimiter = '|', value = {
        "plan     | --envv      | --env",
        "plan     | --fail-onn  | --fail-on",
        "plan     | --dry-runn  | ",
        "deploy   | --imagetag  | --image-tag",
        "validate | --jsn       | --json",
    })
    void anUnknownOptionNamesTheNearestOne(String command, String typed, String nearest) {
        Run run = run(command, typed);

        assertThat(run.code).isEqualTo(ExitCode.USAGE);
        assertThat(run.err).startsWith("error: unknown option '" + typed + "' for 'driftless " + command + "'"
                + (nearest == null ? "\n" : "; did you mean " + nearest + "?\n"));
    }
}
