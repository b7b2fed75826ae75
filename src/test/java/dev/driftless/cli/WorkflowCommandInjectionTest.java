package dev.driftless.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Attacker-controlled text (spec values, flag values, file names, AWS error messages) reaches the log as
 * data: in Actions no line driftless prints starts a workflow command unless driftless meant it.
 */
class WorkflowCommandInjectionTest {
    /** Commands an attacker would want the runner to execute; each names itself so a test can find it. */
    static final String PAYLOAD = "INJ\n::warning title=INJ::pwned\n::add-mask::INJMASK\r::stop-commands::INJSTOP\n"
            + "  ##[error]INJLEGACY";
    private static final List<String> INJECTED = List.of("::warning title=INJ", "::add-mask::INJMASK",
            "::stop-commands::INJSTOP");

    private static final java.util.regex.Pattern TRUSTED =
            java.util.regex.Pattern.compile("::(error|warning|notice|debug|group|endgroup|add-mask)( [^:]*)?::");

    @TempDir
    Path dir;

    static Stream<Arguments> flags() {
        String p = PAYLOAD;
        String spec = "deploy-specs/durable-code.yaml";
        return Stream.of(
                Arguments.of(List.of("rollback", "--specs", spec, "--env", "dev", "--service", "backend", "--to", "previous\n" + p)),
                Arguments.of(List.of("rollback", "--specs", spec, "--env", "dev", "--service", p, "--to", "previous")),
                Arguments.of(List.of("rollback", "--specs", spec, "--env", p, "--service", "backend", "--to", "previous")),
                Arguments.of(List.of("rollback", "--specs", spec, "--env", "dev", "--service", "backend", "--to", "revision:" + p)),
                Arguments.of(List.of("rollback", "--specs", spec, "--env", "dev", "--service", "backend", "--to", "previous", "--timeout", p)),
                Arguments.of(List.of("deploy", "--specs", spec, "--env", p)),
                Arguments.of(List.of("deploy", "--specs", spec, "--env", "dev", "--service", p)),
                Arguments.of(List.of("deploy", "--specs", spec, "--env", "dev", "--image-tag", "v2\n" + p)),
                Arguments.of(List.of("deploy", "--specs", spec, "--env", "dev", "--images", "{\"backend\":\"x:v2\n" + p + "\"}")),
                Arguments.of(List.of("deploy", "--specs", spec, "--env", "dev", "--images", p)),
                Arguments.of(List.of("deploy", "--specs", spec, "--env", "dev", "--timeout", p)),
                Arguments.of(List.of("plan", "--specs", spec, "--env", p)),
                Arguments.of(List.of("plan", "--specs", spec, "--env", "dev", "--image-tag", p)),
                Arguments.of(List.of("plan", "--specs", spec, "--env", "dev", "--image-tag", "abc", "--plan-file", "../" + p)),
                Arguments.of(List.of("schedule", "--specs", spec, "--env", "dev", "--at", p)),
                Arguments.of(List.of("schedule", "--specs", spec, "--env", p)),
                Arguments.of(List.of("stop", "--specs", spec, "--env", p)),
                Arguments.of(List.of("start", "--specs", spec, "--env", p)),
                Arguments.of(List.of("cost", "--specs", spec, "--env", p)),
                Arguments.of(List.of("matrix", "--specs", spec, "--per", p)),
                Arguments.of(List.of("matrix", "--specs", spec, "--service", p)),
                Arguments.of(List.of("build", "--specs", spec, "--env", "dev", "--image-tag", p, "--no-push")),
                Arguments.of(List.of("test", "--specs", spec, "--images", p)),
                Arguments.of(List.of("auth", "--specs", spec, "--env", p)),
                Arguments.of(List.of("validate", "--specs", p)),
                Arguments.of(List.of("validate", "--" + p)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flags")
    void flagValuesStayData(List<String> args) {
        Run run = run(args, Map.of());
        assertInert(run);
    }

    @Test
    void specValuesStayDataInMessagesAndAnnotations() throws IOException {
        Path specs = Files.createDirectories(dir.resolve("deploy-specs"));
        String sample = Files.readString(Path.of("deploy-specs/durable-code.yaml"));
        Files.writeString(specs.resolve("app.yaml"), sample.replace("cluster: durable-code-dev",
                "cluster: \"x\\n::warning file=/etc/passwd::pwned\\n::add-mask::INJMASK\\n::warning title=INJ::x\""));

        Run run = run(List.of("validate", "--specs", specs.toString()), Map.of("GITHUB_WORKSPACE", dir.toString()));

        assertThat(run.code).isEqualTo(1);
        assertThat(run.out + run.err).contains("::error ").contains("%0A::warning file=/etc/passwd::pwned");
        assertInert(run);
    }

    @Test
    void fileNamesStayData() throws IOException {
        Path specs = Files.createDirectories(dir.resolve("deploy-specs"));
        Files.writeString(specs.resolve("a\n::warning title=INJ::pwned\n::add-mask::INJMASK.yaml"), "name: [unclosed\n");

        Run run = run(List.of("validate", "--specs", specs.toString()), Map.of("GITHUB_WORKSPACE", dir.toString()));

        assertThat(run.code).isEqualTo(1);
        assertInert(run);
    }

    @Test
    void awsErrorMessagesStayData() throws IOException {
        HttpServer aws = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        aws.createContext("/", exchange -> {
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            byte[] body;
            if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
                exchange.getResponseHeaders().add("Content-Type", "text/xml");
                body = ("<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>"
                        + PAYLOAD.replace("&", "&amp;").replace("<", "&lt;") + "</Message></Error>"
                        + "<RequestId>1</RequestId></ErrorResponse>").getBytes(StandardCharsets.UTF_8);
            } else {
                exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
                body = new ObjectMapper().writeValueAsBytes(Map.of("__type", "AccessDeniedException",
                        "message", "cluster durable-code-dev " + PAYLOAD));
            }
            exchange.sendResponseHeaders(400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        aws.start();
        try {
            String endpoint = "http://127.0.0.1:" + aws.getAddress().getPort();
            Map<String, String> env = Map.of("AWS_ENDPOINT_URL", endpoint, "AWS_ACCESS_KEY_ID", "testing",
                    "AWS_SECRET_ACCESS_KEY", "testing", "AWS_REGION", "us-west-2");
            for (List<String> args : List.of(
                    List.of("plan", "--specs", "deploy-specs/durable-code.yaml", "--env", "dev", "--image-tag", "abc"),
                    List.of("stop", "--specs", "deploy-specs/durable-code.yaml", "--env", "dev"))) {
                Run run = run(args, env);
                assertThat(run.code).as(run.err).isEqualTo(1);
                assertInert(run);
            }
        } finally {
            aws.stop(0);
        }
    }

    @Test
    void underJsonStdoutHoldsOnlyTheJsonInActionsAndTheMasksStillReachTheRunner() throws IOException {
        Run run = run(List.of("validate", "--specs", "deploy-specs/durable-code.yaml", "--json"),
                Map.of("INPUT_GITHUB-TOKEN", "ghs_secret0123456789"));

        assertThat(run.code).as(run.err).isZero();
        assertThat(new ObjectMapper().readTree(run.out).isObject()).isTrue();
        assertThat(run.out).doesNotContain("::");
        assertThat(run.err).contains("::add-mask::ghs_secret0123456789");
    }

    /** No line a runner would parse as a command carries the payload, and the payload did reach the log. */
    private static void assertInert(Run run) {
        String all = run.out + "\n" + run.err;
        assertThat(all).as("the value reached the output, so the check means something:\n" + all).contains("INJ");
        for (String line : all.split("\r\n|\r|\n")) {
            String start = stripForRunner(line);
            for (String injected : INJECTED) {
                assertThat(start).as("a line starting with a command from data:\n" + all).doesNotStartWith(injected);
            }
            // a line the runner parses as a (trusted) command never falls through to the legacy parser
            if (!TRUSTED.matcher(start).lookingAt()) {
                assertThat(line.replaceAll("[\\p{C}\\p{M}]", "")).as("a legacy command from data:\n" + all)
                        .doesNotContain("##[");
            }
        }
    }

    /** What the runner's TrimStart and culture-aware StartsWith look at: no format, control or combining marks. */
    private static String stripForRunner(String line) {
        return line.replaceAll("[\\p{Cc}\\p{Cf}\\p{M}\\p{Cn}\\p{Co}]", "").replaceFirst("^[\\s\\p{Z}\\u0085]+", "");
    }

    private Run run(List<String> args, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of("GITHUB_ACTIONS", "true", "RUNNER_TEMP", dir.toString(),
                "GITHUB_STEP_SUMMARY", dir.resolve("summary.md").toString(),
                "GITHUB_OUTPUT", dir.resolve("output").toString(),
                "GITHUB_WORKSPACE", Path.of("").toAbsolutePath().toString()));
        env.putAll(extra);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new ArrayList<>(args).toArray(String[]::new), env,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int code, String out, String err) {
    }
}
