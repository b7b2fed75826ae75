package dev.driftless.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.driftless.testing.JarRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The composite action's steps (action/*.sh), run with the runner's environment: the released-jar
 * download and its checksum, and the run step's handling of inputs.
 */
class ActionScriptsIT {
    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path runner;

    @Test
    void aReleasedJarIsDownloadedAndCheckedAgainstItsSha256() throws Exception {
        byte[] jar = Files.readAllBytes(JarRun.jar());
        stubRelease("v1.2.0", jar, sha256(jar) + "  driftless.jar\n");

        Script r = fetch("octo-org/driftless", "v1.2.0");

        assertThat(r.exit).as(r.log).isZero();
        String path = r.outputs.get("jar");
        assertThat(path).isNotNull();
        assertThat(Files.readAllBytes(Path.of(path))).isEqualTo(jar);
        assertThat(r.log).contains("using the released jar of octo-org/driftless@v1.2.0");
    }

    @Test
    void aJarThatDoesNotMatchItsChecksumIsRefused() throws Exception {
        stubRelease("v1.2.0", "tampered".getBytes(StandardCharsets.UTF_8), "0".repeat(64) + "  driftless.jar\n");

        Script r = fetch("octo-org/driftless", "v1.2.0");

        assertThat(r.exit).isEqualTo(1);
        assertThat(r.log).contains("::error title=driftless::the released driftless.jar for octo-org/driftless@v1.2.0 does not match its SHA-256");
        assertThat(r.outputs).doesNotContainKey("jar");
        try (var files = Files.walk(runner)) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("driftless.jar"))
                    .filter(f -> !f.getFileName().toString().endsWith(".sha256"))).isEmpty();
        }
    }

    @Test
    void aRefWithoutAReleaseFallsBackToBuilding() throws Exception {
        github.stubFor(get(urlEqualTo("/octo-org/driftless/releases/download/main/driftless.jar"))
                .willReturn(aResponse().withStatus(404)));

        Script r = fetch("octo-org/driftless", "main");

        assertThat(r.exit).as(r.log).isZero();
        assertThat(r.outputs).doesNotContainKey("jar");
        assertThat(r.log).contains("has no released jar; it will be built");
    }

    @Test
    void aLocalActionIsBuilt() throws Exception {
        Script r = fetch("", "");

        assertThat(r.exit).as(r.log).isZero();
        assertThat(r.outputs).isEmpty();
        github.verify(0, com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
    }

    @Test
    void runPassesTheCommandAndTurnsInputsIntoFlags() throws Exception {
        Script r = run(Map.of("INPUT_COMMAND", "help", "INPUT_JSON", "false"));

        assertThat(r.exit).as(r.log).isZero();
        assertThat(r.log).contains("Usage: driftless");
    }

    @Test
    void runRefusesACommandThatIsNotOne() throws Exception {
        Path marker = runner.resolve("injected");
        Script r = run(Map.of("INPUT_COMMAND", "validate; touch " + marker));

        assertThat(r.exit).isEqualTo(2);
        assertThat(r.log).contains("::error title=driftless::input command");
        assertThat(marker).doesNotExist();
    }

    @Test
    void runRefusesABooleanInputThatIsNotTrueOrFalse() throws Exception {
        Script r = run(Map.of("INPUT_COMMAND", "help", "INPUT_DEBUG", "yes"));

        assertThat(r.exit).isEqualTo(2);
        assertThat(r.log).contains("input DEBUG is 'yes', not true or false");
    }

    @Test
    void inputValuesReachTheJarAsArgumentsNotAsShell() throws Exception {
        Path marker = runner.resolve("injected");
        Script r = run(Map.of("INPUT_COMMAND", "help", "INPUT_TO", "$(touch " + marker + ")"));

        // `help` has no --to: a usage error from driftless, and the value was never evaluated
        assertThat(r.exit).isEqualTo(2);
        assertThat(marker).doesNotExist();
    }

    private void stubRelease(String tag, byte[] jar, String sha) {
        github.stubFor(get(urlEqualTo("/octo-org/driftless/releases/download/" + tag + "/driftless.jar"))
                .willReturn(aResponse().withBody(jar)));
        github.stubFor(get(urlEqualTo("/octo-org/driftless/releases/download/" + tag + "/driftless.jar.sha256"))
                .willReturn(aResponse().withBody(sha)));
    }

    private Script fetch(String repository, String ref) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("ACTION_REPOSITORY", repository);
        env.put("ACTION_REF", ref);
        env.put("GITHUB_SERVER_URL", github.baseUrl());
        return script("fetch-jar.sh", env);
    }

    private Script run(Map<String, String> inputs) throws Exception {
        Map<String, String> env = new HashMap<>(inputs);
        env.put("DRIFTLESS_JAR", JarRun.jar().toString());
        return script("run.sh", env);
    }

    private Script script(String name, Map<String, String> extra) throws Exception {
        Path output = runner.resolve("output");
        Files.deleteIfExists(output);
        Files.createFile(output);
        Path log = runner.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder("bash", Path.of("action", name).toAbsolutePath().toString())
                .directory(runner.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("GITHUB_OUTPUT", output.toString());
        pb.environment().put("RUNNER_TEMP", runner.toString());
        pb.environment().put("GITHUB_ACTION_PATH", Path.of("").toAbsolutePath().toString());
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        pb.environment().putAll(extra);
        Process p = pb.start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).as(name + " finished").isTrue();
        return new Script(p.exitValue(), Files.readString(log), JarRun.parseOutputs(Files.readString(output)));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private record Script(int exit, String log, Map<String, String> outputs) {
    }
}
