package dev.driftless.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftless.DriftlessException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ActionsRuntimeTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    @ParameterizedTest(name = "input \"{0}\" is read from {1}")
    @CsvSource({
        "specs,            INPUT_SPECS",
        "dry-run,          INPUT_DRY-RUN",
        "aws role arn,     INPUT_AWS_ROLE_ARN",
        "Github-Token,     INPUT_GITHUB-TOKEN",
    })
    void inputsAreReadAsActionsCoreReadsThem(String name, String variable) {
        ActionsRuntime runtime = new ActionsRuntime(Map.of(variable, "  value  "), out, err);

        assertThat(runtime.input(name)).contains("value");
    }

    @Test
    void blankOrMissingInputsAreAbsent() {
        ActionsRuntime runtime = new ActionsRuntime(Map.of("INPUT_SPECS", "   "), out, err);

        assertThat(runtime.input("specs")).isEmpty();
        assertThat(runtime.input("environment")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "True", "TRUE"})
    void booleanInputTrue(String spelling) {
        assertThat(new ActionsRuntime(Map.of("INPUT_DRY-RUN", spelling), out, err).booleanInput("dry-run")).contains(true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "False", "FALSE"})
    void booleanInputFalse(String spelling) {
        assertThat(new ActionsRuntime(Map.of("INPUT_DRY-RUN", spelling), out, err).booleanInput("dry-run")).contains(false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "tRuE"})
    void booleanInputRejectsOtherSpellingsClearly(String spelling) {
        ActionsRuntime runtime = new ActionsRuntime(Map.of("INPUT_DRY-RUN", spelling), out, err);

        assertThatThrownBy(() -> runtime.booleanInput("dry-run"))
                .isInstanceOf(DriftlessException.class)
                .hasMessageContaining("dry-run")
                .hasMessageContaining(spelling);
    }

    @Test
    void inActionsOutputsAndSummaryGoToTheRunnerFiles() throws IOException {
        Path output = dir.resolve("output");
        Path summary = dir.resolve("summary");
        ActionsRuntime runtime = new ActionsRuntime(Map.of(
                "GITHUB_ACTIONS", "true",
                "GITHUB_OUTPUT", output.toString(),
                "GITHUB_STEP_SUMMARY", summary.toString()), out, err);

        runtime.outputs().set("deployed", "true");
        runtime.summary().append("## Deploy");
        runtime.commands().notice("done", null);

        assertThat(runtime.inActions()).isTrue();
        assertThat(Files.readString(output)).startsWith("deployed<<ghadelimiter_").contains("\ntrue\n");
        assertThat(Files.readString(summary)).isEqualTo("## Deploy\n");
        assertThat(outBytes.toString(StandardCharsets.UTF_8)).isEqualTo("::notice::done" + System.lineSeparator());
    }

    @ParameterizedTest(name = "GITHUB_ACTIONS={0}")
    @ValueSource(strings = {"", "false", "1"})
    void outsideActionsNothingIsWrittenToFilesAndEverythingReadsPlainly(String githubActions) {
        Path output = dir.resolve("output");
        Path summary = dir.resolve("summary");
        Map<String, String> env = new HashMap<>(Map.of(
                "GITHUB_OUTPUT", output.toString(),
                "GITHUB_STEP_SUMMARY", summary.toString(),
                "GITHUB_TOKEN", "ghs_secretvalue"));
        if (!githubActions.isEmpty()) {
            env.put("GITHUB_ACTIONS", githubActions);
        }
        ActionsRuntime runtime = new ActionsRuntime(env, out, err);

        runtime.outputs().set("deployed", "true");
        runtime.summary().append("## Deploy");
        runtime.commands().group("deploy dev");
        runtime.commands().error("failed", Annotation.at("deploy-specs/a.yaml", 4, 2));
        runtime.commands().endGroup();

        assertThat(runtime.inActions()).isFalse();
        assertThat(output).doesNotExist();
        assertThat(summary).doesNotExist();
        assertThat(outBytes.toString(StandardCharsets.UTF_8)).as("stdout stays for results").isEmpty();
        List<String> lines = errBytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).containsExactly(
                "output deployed: true",
                "## Deploy",
                "── deploy dev",
                "deploy-specs/a.yaml:4:2: error: failed");
        assertThat(lines).noneMatch(l -> l.contains("::"));
    }

    @Test
    void theTokenIsMaskedBeforeAnythingElseIsPrinted() {
        // one stream for both, so the order is the order the runner would see
        PrintStream both = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        ActionsRuntime runtime = new ActionsRuntime(Map.of(
                "GITHUB_ACTIONS", "true",
                "INPUT_GITHUB-TOKEN", "ghs_0123456789abcdef"), both, both);

        runtime.commands().error("GitHub refused token ghs_0123456789abcdef", null);
        runtime.outputs().set("token-used", "ghs_0123456789abcdef");

        List<String> lines = outBytes.toString(StandardCharsets.UTF_8).lines().toList();
        int firstMask = indexOfFirst(lines, "::add-mask::ghs_0123456789abcdef");
        int firstUse = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("ghs_0123456789abcdef") && !lines.get(i).startsWith("::add-mask::")) {
                firstUse = i;
                break;
            }
        }
        assertThat(firstMask).isZero();
        assertThat(firstUse).isGreaterThan(firstMask);
        assertThat(runtime.context().token()).isEqualTo("ghs_0123456789abcdef");
        assertThat(runtime.context().toString()).doesNotContain("ghs_0123456789abcdef");
    }

    @Test
    void theTokenInputWinsOverGithubToken() {
        ActionsRuntime runtime = new ActionsRuntime(Map.of(
                "INPUT_GITHUB-TOKEN", "from-input", "GITHUB_TOKEN", "from-env"), out, err);

        assertThat(runtime.context().token()).isEqualTo("from-input");
    }

    @Test
    void contextComesFromTheGithubVariables() {
        ActionsRuntime runtime = new ActionsRuntime(Map.of(
                "GITHUB_REPOSITORY", "octo-org/octo-repo",
                "GITHUB_SHA", "ffac537e6cbbf934b08745a378932722df287a53",
                "GITHUB_REF", "refs/heads/main",
                "GITHUB_RUN_ID", "1658821493",
                "GITHUB_EVENT_NAME", "push",
                "GITHUB_SERVER_URL", "https://ghe.example.com",
                "GITHUB_API_URL", "https://ghe.example.com/api/v3"), out, err);

        GitHubContext c = runtime.context();
        assertThat(c.owner()).isEqualTo("octo-org");
        assertThat(c.repositoryName()).isEqualTo("octo-repo");
        assertThat(c.sha()).isEqualTo("ffac537e6cbbf934b08745a378932722df287a53");
        assertThat(c.ref()).isEqualTo("refs/heads/main");
        assertThat(c.eventName()).isEqualTo("push");
        assertThat(c.apiUrl()).isEqualTo("https://ghe.example.com/api/v3");
        assertThat(c.runUrl()).isEqualTo("https://ghe.example.com/octo-org/octo-repo/actions/runs/1658821493");
    }

    @Test
    void contextDefaultsToGithubDotComAndToleratesAMissingRepository() {
        GitHubContext c = new ActionsRuntime(Map.of("GITHUB_REPOSITORY", "no-slash"), out, err).context();

        assertThat(c.apiUrl()).isEqualTo("https://api.github.com");
        assertThat(c.serverUrl()).isEqualTo("https://github.com");
        assertThat(c.owner()).isNull();
        assertThat(c.repositoryName()).isNull();
        assertThat(new ActionsRuntime(Map.of(), out, err).context().runUrl()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "pull_request.opened.json, number,        2",
        "push.main.json,           ref,           refs/heads/master",
        "push.tag.json,            ref,           refs/tags/simple-tag",
        "schedule.json,            schedule,      0 * * * *",
        "workflow_dispatch.json,   ref,           refs/heads/main",
    })
    void eventPayloadIsReadFromGithubEventPath(String fixture, String field, String expected) throws IOException {
        Path event = copyFixture("webhooks/" + fixture);

        ActionsRuntime runtime = new ActionsRuntime(Map.of("GITHUB_EVENT_PATH", event.toString()), out, err);

        assertThat(runtime.event()).hasValueSatisfying(e -> assertThat(e.get(field).asText()).isEqualTo(expected));
    }

    @Test
    void noEventPathMeansNoEvent() {
        assertThat(new ActionsRuntime(Map.of(), out, err).event()).isEmpty();
    }

    @Test
    void aMissingOrBrokenEventFileIsAClearError() throws IOException {
        Path broken = Files.writeString(dir.resolve("event.json"), "{not json");

        assertThatThrownBy(() -> new ActionsRuntime(Map.of("GITHUB_EVENT_PATH", dir.resolve("nope.json").toString()), out, err).event())
                .isInstanceOf(DriftlessException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> new ActionsRuntime(Map.of("GITHUB_EVENT_PATH", broken.toString()), out, err).event())
                .isInstanceOf(DriftlessException.class).hasMessageContaining("not valid JSON");
    }

    private Path copyFixture(String resource) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/" + resource)) {
            assertThat(in).as(resource).isNotNull();
            Path target = dir.resolve(Path.of(resource).getFileName().toString());
            Files.copy(in, target);
            return target;
        }
    }

    private static int indexOfFirst(List<String> lines, String line) {
        return lines.indexOf(line);
    }
}
