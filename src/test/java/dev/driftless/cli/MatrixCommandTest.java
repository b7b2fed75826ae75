package dev.driftless.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatrixCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    @Test
    void onePerEnvironmentAndServiceForTheSample() throws Exception {
        int code = run(Map.of(), "matrix", "--specs", "deploy-specs");

        assertThat(code).as(err()).isZero();
        assertThat(rows()).containsExactly(
                "durable-code deploy-specs/durable-code.yaml dev backend",
                "durable-code deploy-specs/durable-code.yaml dev frontend",
                "durable-code deploy-specs/durable-code.yaml prod backend",
                "durable-code deploy-specs/durable-code.yaml prod frontend");
        assertThat(err()).contains("matrix: 4 rows");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--env dev                          | durable-code dev backend;durable-code dev frontend;ledger dev backend",
        "--env prod --service backend       | durable-code prod backend;ledger prod backend",
        "--per environment                  | durable-code dev;durable-code prod;ledger dev;ledger prod",
        "--per environment --scheduled      | durable-code dev",
        "--per environment --env prod       | durable-code prod;ledger prod",
        "--scheduled                        | durable-code dev backend;durable-code dev frontend",
    })
    void filtersAcrossSeveralApplications(String options, String expected) throws Exception {
        List<String> args = new ArrayList<>(List.of("matrix", "--specs", resource("matrix")));
        args.addAll(List.of(options.trim().split("\\s+")));

        int code = run(Map.of(), args.toArray(String[]::new));

        assertThat(code).as(err()).isZero();
        assertThat(rows().stream().map(r -> r.replaceAll(" \\S+\\.yaml", "")).toList())
                .containsExactly(expected.split(";"));
    }

    @Test
    void inActionsTheMatrixIsAlsoTheStepOutput() throws Exception {
        Path output = Files.createFile(dir.resolve("output"));

        int code = run(Map.of("GITHUB_ACTIONS", "true", "GITHUB_OUTPUT", output.toString(),
                "INPUT_SPECS", "deploy-specs", "INPUT_ENVIRONMENT", "prod"), "matrix");

        assertThat(code).as(err()).isZero();
        String json = out().trim();
        assertThat(Files.readString(output)).startsWith("matrix<<ghadelimiter_").contains("\n" + json + "\n");
        assertThat(json).doesNotContain("\n");
    }

    @Test
    void anUnknownEnvironmentIsAClearError() {
        int code = run(Map.of(), "matrix", "--specs", "deploy-specs", "--env", "staging");

        assertThat(code).isEqualTo(1);
        assertThat(err()).contains("no environment 'staging' in any deploy-spec").contains("dev, prod");
        assertThat(out()).isEmpty();
    }

    @Test
    void anUnknownServiceIsAClearError() {
        int code = run(Map.of(), "matrix", "--specs", "deploy-specs", "--service", "worker");

        assertThat(code).isEqualTo(1);
        assertThat(err()).contains("no service worker in any deploy-spec").contains("backend, frontend");
    }

    @Test
    void aBadPerValueIsAUsageError() {
        assertThat(run(Map.of(), "matrix", "--specs", "deploy-specs", "--per", "cluster")).isEqualTo(2);
    }

    private List<String> rows() throws Exception {
        JsonNode json = new ObjectMapper().readTree(out());
        List<String> rows = new ArrayList<>();
        for (JsonNode r : json.get("include")) {
            rows.add(r.get("application").asText() + " " + r.get("specs").asText() + " " + r.get("environment").asText()
                    + (r.has("service") ? " " + r.get("service").asText() : ""));
        }
        return rows;
    }

    private int run(Map<String, String> env, String... args) {
        return Main.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static String resource(String name) {
        try {
            return Path.of(MatrixCommandTest.class.getResource("/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
