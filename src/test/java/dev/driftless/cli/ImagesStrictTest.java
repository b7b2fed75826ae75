package dev.driftless.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.driftless.engine.ImageOwnership;
import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.SpecLoader;
import dev.driftless.spec.SpecSource;
import dev.driftless.testing.MotoServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --images} names images of the service's own repository in the spec's registry, one line, one
 * image per service; anything else is refused before a single AWS request (moto's recorder stays empty).
 */
class ImagesStrictTest {
    private static final String REPO = "123456789012.dkr.ecr.us-west-2.amazonaws.com/durable-code-backend";
    private static Path recording;
    private static MotoServer moto;

    @BeforeAll
    static void startMotoWithItsOwnRecording() throws IOException {
        recording = Files.createTempFile("images-strict-", ".recording");
        moto = MotoServer.start(Map.of("MOTO_RECORDER_FILEPATH", recording.toString()));
    }

    @AfterAll
    static void stop() throws IOException {
        moto.close();
        Files.deleteIfExists(recording);
    }

    @BeforeEach
    void record() {
        moto.post("/moto-api/recorder/reset-recording", "", "application/json");
        moto.post("/moto-api/recorder/start-recording", "", "application/json");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "deploy | foreign registry   | {\"backend\":\"evil.example.com/x@" + "sha256:" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"} | is not an image of " + REPO,
        "deploy | foreign repository | {\"backend\":\"123456789012.dkr.ecr.us-west-2.amazonaws.com/other:v2\"} | is not an image of " + REPO,
        "deploy | other region       | {\"backend\":\"123456789012.dkr.ecr.eu-west-1.amazonaws.com/durable-code-backend:v2\"} | is not an image of",
        "deploy | newline in tag     | {\"backend\":\"" + REPO + ":v2\\n::add-mask::INJ6\"} | holds a line break or control character",
        "deploy | duplicate key      | {\"backend\":\"" + REPO + ":v1\",\"backend\":\"" + REPO + ":v2\"} | names a service twice",
        "deploy | unknown service    | {\"nope\":\"" + REPO + ":v2\"} | does not declare",
        "deploy | tag after digest   | {\"backend\":\"" + REPO + "@" + "sha256:" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:v2\"} | is not <uri>@sha256:<digest>",
        "test   | newline in tag     | {\"backend\":\"evil.example.com/x:v2\\n::add-mask::INJ6\"} | holds a line break or control character",
        "test   | duplicate key      | {\"backend\":\"v1\",\"backend\":\"v2\"} | names a service twice",
    })
    void refusedBeforeAnyAwsCall(String command, String label, String images, String message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = new HashMap<>(moto.awsEnvironment());
        List<String> args = new ArrayList<>(List.of(command, "--specs", "deploy-specs/durable-code.yaml", "--env", "dev",
                "--images", images));

        int code = Main.run(args.toArray(String[]::new), env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        String printed = err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed).isIn(ExitCode.FAILURE, ExitCode.USAGE);
        assertThat(printed).contains(message);
        moto.post("/moto-api/recorder/stop-recording", "", "application/json");
        assertThat(download()).as("requests moto received").isBlank();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "by digest | " + REPO + "@" + "sha256:" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "by tag    | " + REPO + ":v2",
        "bare tag  | v2",
    })
    void theServicesOwnImagesPassTheCheck(String label, String image) throws IOException {
        DeploySpec spec = SpecLoader.load(new SpecSource("deploy-specs/durable-code.yaml",
                Files.readString(Path.of("deploy-specs/durable-code.yaml")))).spec();
        assertThatCode(() -> ImageOwnership.check(spec, Map.of("backend", image))).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} → {2}")
    @CsvSource(delimiter = '|', value = {
        "backend/log-router | public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.5 | accepted",
        "backend/log-router | public.ecr.aws/aws-observability/aws-for-fluent-bit@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | accepted",
        "backend/log-router | evil.example.com/aws-for-fluent-bit:2.32.5 | is not an image of public.ecr.aws/aws-observability/aws-for-fluent-bit",
        "backend/log-router | " + REPO + ":v2 | is not an image of public.ecr.aws/aws-observability/aws-for-fluent-bit",
        "backend/agent      | " + REPO + ":v2 | which app.yaml does not declare",
    })
    void aSidecarsImageIsKeyedServiceSlashContainerAndComesFromItsOwnRepository(String key, String image, String outcome)
            throws IOException {
        DeploySpec spec = SpecLoader.load(new SpecSource("app.yaml",
                Files.readString(Path.of("deploy-specs/durable-code.yaml")))).spec();
        if (outcome.equals("accepted")) {
            assertThatCode(() -> ImageOwnership.check(spec, Map.of(key, image))).doesNotThrowAnyException();
        } else {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ImageOwnership.check(spec, Map.of(key, image)))
                    .hasMessageContaining(outcome);
        }
    }

    private static String download() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(moto.endpoint() + "/moto-api/recorder/download-recording")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return r.body();
    }
}
