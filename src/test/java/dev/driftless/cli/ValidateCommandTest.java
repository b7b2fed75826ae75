package dev.driftless.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return Main.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private int run(String... args) {
        return run(Map.of(), args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    static String resource(String name) {
        try {
            return Path.of(ValidateCommandTest.class.getResource("/specs/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertNoStackTrace() {
        assertThat(out() + err()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("unexpected");
    }

    @Test
    void theSampleIsValid() {
        int code = run("validate", "--specs", "deploy-specs");

        assertThat(code).isZero();
        assertThat(out()).isEqualTo(
                "✔ deploy-specs/durable-code.yaml: durable-code is valid (2 environments, 2 services)\n");
        assertThat(err()).isEmpty();
    }

    @Test
    void aDirectoryOfBrokenSpecsListsEveryProblemWithFileAndLineAndExits1() {
        String dir = resource("broken");

        int code = run("validate", "--specs", dir);

        assertThat(code).isEqualTo(1);
        String a = dir + "/a-fields.yaml";
        String b = dir + "/b-sizes.yml";
        String c = dir + "/c-empty.yaml";
        assertThat(err()).contains(
                a + ":1:13: apiVersion: apiVersion is 'driftless/v2'",
                a + ":4:10: account: account '12345' is not a 12-digit AWS account id",
                a + ":11:17: environments.dev.schedule.timezone: 'America/Los_Angles' is not an IANA time zone",
                "did you mean 'America/Los_Angeles'?",
                a + ":13:19: environments.dev.schedule.running[0].days: 'MON-FRY' is not a day",
                a + ":13:47: environments.dev.schedule.running[0].to: '25:00' is not a time of day",
                a + ":14:3: environments.dev: duplicate environment 'dev' (first defined at line 7)",
                a + ":18:26: services.api.image.repository: 'Broken_API' is not a legal ECR repository name",
                a + ":19:5: services.api.cpus: unknown field 'cpus'; did you mean 'cpu'?",
                a + ":21:19: services.api.architecture: service api is ARM64 but environment dev runs on Fargate Spot",
                a + ":23:20: services.api.secrets.DB_PASSWORD: secret DB_PASSWORD must be the ARN",
                a + ":25:13: services.api.overrides.prdo: override for unknown environment 'prdo'",
                b + ":7:14: roles.execution: role is in account 210987654321, not the spec's account 123456789012",
                b + ":11:11: environments.dev.role: 'not-an-arn' is not an IAM role ARN",
                b + ":16:13: services.web.memory: cpu 256 with memory 4096 is not a Fargate size",
                b + ":18:25: services.web.autoscaling.min: min 3 is above max 2",
                b + ":19:3: services.web: duplicate service 'web' (first defined at line 13)",
                c + ":6:15: environments: no environments",
                c + ":7:11: services: no services");
        assertThat(err()).doesNotContain("hunter2").doesNotContain("notes.txt");
        assertThat(out()).contains("✖ " + a + ": 13 errors", "✖ " + b + ": 5 errors", "✖ " + c + ": 2 errors");
        assertNoStackTrace();
    }

    @Test
    void aYamlSyntaxErrorIsOneMessageWithItsLine() {
        String file = resource("syntax") + "/bad.yaml";

        int code = run("validate", "--specs", file);

        assertThat(code).isEqualTo(1);
        assertThat(err().lines()).containsExactly(
                file + ":7:8: YAML syntax error: expected ',' or '}', but got : (while parsing a flow mapping at line 6)");
        assertNoStackTrace();
    }

    @Test
    void anUnknownFlagExits2() {
        int code = run("validate", "--spec", "deploy-specs");

        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("unknown option '--spec' for 'driftless validate'; did you mean --specs?");
        assertNoStackTrace();
    }

    @Test
    void aMissingPathIsNamed() {
        int code = run("validate", "--specs", "no/such/dir");

        assertThat(code).isEqualTo(1);
        assertThat(err()).contains("error: no deploy-specs at no/such/dir");
        assertNoStackTrace();
    }

    @Test
    void aDirectoryWithoutSpecsSaysSo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("README.md"), "nothing here");

        int code = run("validate", "--specs", dir.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err()).contains("no *.yaml or *.yml files in " + dir);
    }

    @Test
    void jsonResultOnStdout() {
        int code = run("validate", "--specs", resource("broken") + "/b-sizes.yml", "--json");

        assertThat(code).isEqualTo(1);
        assertThat(out()).startsWith("{").contains("\"valid\" : false", "\"errors\" : 5", "\"warnings\" : 0",
                "\"severity\" : \"error\"", "\"line\" : 16", "\"path\" : \"services.web.memory\"");
        assertThat(out()).doesNotContain("✖");
    }

    @Test
    void warningsArePrintedButDoNotFail(@TempDir Path dir) throws Exception {
        String text = Files.readString(Path.of("deploy-specs/durable-code.yaml"))
                .replace("to: \"20:00\" }", "to: \"02:00\" }").replace("from: \"08:00\"", "from: \"22:00\"");
        Files.writeString(dir.resolve("night.yaml"), text);

        int code = run("validate", "--specs", dir.toString());

        assertThat(code).isZero();
        assertThat(err()).contains("night.yaml:46:47: environments.dev.schedule.running[0].to: ").contains("warning: the window crosses midnight");
        assertThat(out()).contains("durable-code is valid (2 environments, 2 services; 1 warning)");
    }

    @Test
    void inActionsEveryProblemIsAlsoAnAnnotation(@TempDir Path dir) throws Exception {
        Path summary = dir.resolve("summary.md");
        Files.createFile(summary);
        String file = resource("broken") + "/b-sizes.yml";

        int code = run(Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", summary.toString()),
                "validate", "--specs", file);

        assertThat(code).isEqualTo(1);
        String annotationFile = file.replace(":", "%3A").replace(",", "%2C");
        assertThat(out()).contains("::error file=" + annotationFile + ",line=16,col=13::services.web.memory: cpu 256 "
                + "with memory 4096 is not a Fargate size");
        assertThat(out().lines().filter(l -> l.startsWith("::error ")).count()).isEqualTo(5);
        assertThat(err()).contains(file + ":16:13: services.web.memory:");
        assertThat(Files.readString(summary)).contains("### driftless validate", "services.web.memory");
    }

    @Test
    void anyOtherCommandStopsOnAnInvalidSpecListingEachProblemOnce() {
        String file = resource("broken") + "/b-sizes.yml";

        int code = run("matrix", "--specs", file);

        assertThat(code).isEqualTo(1);
        assertThat(err()).startsWith("error: invalid deploy-spec (5 errors in 1 file):\n  " + file + ":7:14: roles.execution:");
        assertThat(err().split("services.web.memory: cpu 256 with memory 4096", -1)).hasSize(2);
        assertThat(err()).contains("fix: fix them, then check with 'driftless validate --specs " + file + "'");
        assertThat(out()).isEmpty();
        assertNoStackTrace();
    }
}
