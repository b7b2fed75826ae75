package dev.driftless.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
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

/** Paths from specs and flags stay inside the repository: each escape is a validation error with file:line. */
class PathEscapeTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "tracker.path | path: planning/deployment/PROGRESS_TRACKER.md | path: ../../../../../tmp/x.md            | 28 | climbs out with '..'",
        "tracker.path | path: planning/deployment/PROGRESS_TRACKER.md | path: /tmp/x.md                          | 28 | is absolute",
        "tracker.path | path: planning/deployment/PROGRESS_TRACKER.md | path: planning/../../x.md                | 28 | climbs out with '..'",
        "context      | context: app, dockerfile: Dockerfile.backend   | context: ../outside, dockerfile: Dockerfile.backend | 63 | climbs out with '..'",
        "context      | context: app, dockerfile: Dockerfile.backend   | context: /etc, dockerfile: Dockerfile.backend       | 63 | is absolute",
        "context      | context: app, dockerfile: Dockerfile.backend   | context: \"app\\0\", dockerfile: Dockerfile.backend | 63 | holds a NUL, CR or LF",
        "context      | context: app, dockerfile: Dockerfile.backend   | context: \"app\\nx\", dockerfile: Dockerfile.backend | 63 | holds a NUL, CR or LF",
        "dockerfile   | context: app, dockerfile: Dockerfile.backend   | context: app, dockerfile: ../../Dockerfile | 63 | climbs out with '..'",
        "dockerfile   | context: app, dockerfile: Dockerfile.backend   | context: app, dockerfile: \"a\\rb\"     | 63 | holds a NUL, CR or LF",
        "dockerfile   | context: app, dockerfile: Dockerfile.backend   | context: app, dockerfile: C:/Dockerfile    | 63 | is absolute",
    })
    void specPathsOutsideTheRepositoryAreValidationErrors(String field, String from, String to, int line, String why)
            throws IOException {
        Path specs = Files.createDirectories(dir.resolve("deploy-specs"));
        String sample = Files.readString(Path.of("deploy-specs/durable-code.yaml"));
        assertThat(sample).contains(from);
        Path file = specs.resolve("app.yaml");
        Files.writeString(file, sample.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)));

        Run run = run(List.of("validate", "--specs", file.toString()), Map.of());

        assertThat(run.code).as(run.err).isEqualTo(1);
        assertThat(run.err).containsPattern("(?s)" + java.util.regex.Pattern.quote(file + ":" + line + ":") + "\\d+: [a-z.]*"
                + java.util.regex.Pattern.quote(field) + ": .*" + java.util.regex.Pattern.quote(why));
    }

    @Test
    void inActionsFlagPathsResolveInsideTheWorkspace() throws IOException {
        Path workspace = Files.createDirectories(dir.resolve("ws")).toRealPath();
        Path specs = Files.createDirectories(workspace.resolve("deploy-specs"));
        Files.copy(Path.of("deploy-specs/durable-code.yaml"), specs.resolve("app.yaml"));
        Path outsideSpecs = Files.createDirectories(dir.resolve("elsewhere"));
        Files.copy(Path.of("deploy-specs/durable-code.yaml"), outsideSpecs.resolve("app.yaml"));
        Files.createSymbolicLink(workspace.resolve("linked-specs"), outsideSpecs);
        Map<String, String> actions = Map.of("GITHUB_ACTIONS", "true", "GITHUB_WORKSPACE", workspace.toString());

        assertThat(run(List.of("validate", "--specs", specs.toString()), actions).code).isZero();
        for (Path escape : List.of(outsideSpecs, workspace.resolve("../elsewhere"), workspace.resolve("linked-specs"))) {
            Run run = run(List.of("validate", "--specs", escape.toString()), actions);
            assertThat(run.code).as(escape.toString()).isEqualTo(1);
            assertThat(run.err).contains("outside the workspace " + workspace);
        }
        for (String planFile : List.of("/tmp/plan.json", "../plan.json", "linked-specs/plan.json")) {
            Run run = run(List.of("plan", "--specs", specs.toString(), "--env", "dev", "--image-tag", "abc",
                    "--plan-file", workspace.resolve(planFile).toString()), actions);
            assertThat(run.code).as(planFile + "\n" + run.err).isEqualTo(1);
            assertThat(run.err).contains("error: --plan-file").contains("outside the workspace " + workspace)
                    .doesNotContain("OIDC").doesNotContain("credentials");
        }
    }

    private Run run(List<String> args, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(extra);
        env.put("RUNNER_TEMP", dir.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args.toArray(String[]::new), env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int code, String out, String err) {
    }
}
