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
    static WireMockExtension github = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @TempDir
    Path runner;

    @Test
    void theVersionRecordedInJarLockIsDownloadedAndCheckedAgainstTheRecordedSha256() throws Exception {
        byte[] jar = Files.readAllBytes(JarRun.jar());
        stubRelease("v1.2.0", jar);
        stubRelease("v1.3.0", "a newer release this commit does not run".getBytes(StandardCharsets.UTF_8));

        Script r = fetch(lock("octo-org/driftless", "1.2.0", sha256(jar)), Map.of());

        assertThat(r.exit).as(r.log).isZero();
        assertThat(Files.readAllBytes(Path.of(r.outputs.get("jar")))).isEqualTo(jar);
        assertThat(r.log).contains("using driftless 1.2.0 of octo-org/driftless");
        github.verify(1, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlEqualTo("/octo-org/driftless/releases/download/v1.2.0/driftless.jar")));
        github.verify(0, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlEqualTo("/octo-org/driftless/releases/download/v1.3.0/driftless.jar")));
    }

    @Test
    void aJarThatDoesNotMatchTheRecordedChecksumIsRefused() throws Exception {
        stubRelease("v1.2.0", "tampered".getBytes(StandardCharsets.UTF_8));

        Script r = fetch(lock("octo-org/driftless", "1.2.0", "0".repeat(64)), Map.of());

        assertThat(r.exit).isEqualTo(1);
        assertThat(r.log).contains("::error title=driftless::the downloaded driftless.jar 1.2.0 does not match the SHA-256"
                + " this commit records in action/jar.lock");
        assertThat(r.outputs).doesNotContainKey("jar");
        try (var files = Files.walk(runner)) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("driftless.jar"))).isEmpty();
        }
    }

    @Test
    void withoutARecordedReleaseAndWithoutBuildFromSourceTheStepFailsWithTheFix() throws Exception {
        // the repository's own jar.lock: no release recorded on a development commit
        Script r = fetch(Files.readString(Path.of("action", "jar.lock")), Map.of());

        assertThat(r.exit).isEqualTo(1);
        assertThat(r.log).containsOnlyOnce("::error").contains("records no released jar")
                .contains("uses: <owner>/driftless@v1").contains("'build-from-source: true'");
        assertThat(r.outputs).isEmpty();
        github.verify(0, com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
    }

    @Test
    void buildFromSourceSkipsTheDownloadAndTheBuildStepBuilds() throws Exception {
        Script fetched = fetch(lock("octo-org/driftless", "1.2.0", "0".repeat(64)), Map.of("INPUT_BUILD_FROM_SOURCE", "true"));
        assertThat(fetched.exit).as(fetched.log).isZero();
        assertThat(fetched.outputs).doesNotContainKey("jar");
        github.verify(0, com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));

        // an action checkout without a jar: build-jar.sh runs the Maven wrapper (here one that records its arguments)
        Path source = runner.resolve("source");
        Files.createDirectories(source.resolve("action"));
        Files.copy(Path.of("action", "build-jar.sh"), source.resolve("action/build-jar.sh"));
        Files.writeString(source.resolve("mvnw"), "#!/usr/bin/env bash\necho \"$@\" > mvnw.args\nmkdir -p target\necho jar > target/driftless.jar\n");
        source.resolve("mvnw").toFile().setExecutable(true);
        Script built = scriptAt(source.resolve("action/build-jar.sh"), Map.of("GITHUB_ACTION_PATH", source.toString()));

        assertThat(built.exit).as(built.log).isZero();
        assertThat(built.outputs).containsEntry("jar", source.resolve("target/driftless.jar").toString());
        assertThat(Files.readString(source.resolve("mvnw.args"))).contains("package").contains("-DskipTests");
    }

    private static String lock(String repository, String version, String sha256) {
        return "repository=" + repository + "\nversion=" + version + "\nsha256=" + sha256 + "\n";
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

    static final Path JDK17 = jdk("java-17-openjdk-amd64");
    static final Path JDK25 = jdk("temurin-25-jdk-amd64");

    /** A JDK of the machine by directory name, else the one running the tests (so the steps still run). */
    static Path jdk(String name) {
        Path p = Path.of("/usr/lib/jvm", name);
        return Files.isExecutable(p.resolve("bin/java")) ? p : Path.of(System.getProperty("java.home"));
    }

    static String releaseVersion(Path home) throws IOException {
        return Files.readAllLines(home.resolve("release")).stream().filter(l -> l.startsWith("JAVA_VERSION="))
                .map(l -> l.substring(l.indexOf('"') + 1, l.lastIndexOf('"'))).findFirst().orElseThrow();
    }

    @Test
    void theCompositeStepsLeaveTheCallersJavaHomeAndPathAsTheyWere() throws Exception {
        // a Java 17 job that has the runner's JDK 25 beside it: driftless runs on 25, the job stays on 17
        Path githubEnv = runner.resolve("github_env");
        Path githubPath = runner.resolve("github_path");
        Files.createFile(githubEnv);
        Files.createFile(githubPath);
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", JDK17.toString());
        env.put("JAVA_HOME_17_X64", JDK17.toString());
        env.put("JAVA_HOME_25_X64", JDK25.toString());
        env.put("GITHUB_ENV", githubEnv.toString());
        env.put("GITHUB_PATH", githubPath.toString());
        env.put("INPUT_JAVA_VERSION", "25");
        env.put("DRIFTLESS_JAR", JarRun.jar().toString());
        // the cache is made elsewhere (prepare.sh's own test); an unmatched name keeps this test fast
        env.put("DRIFTLESS_CACHE_DIR", runner.resolve("cache").toString());

        Script java = script("java.sh", env);
        assertThat(java.exit).as(java.log).isZero();
        assertThat(java.outputs).containsEntry("java", JDK25.resolve("bin/java").toString())
                .containsEntry("version", releaseVersion(JDK25));
        env.put("DRIFTLESS_JAVA", java.outputs.get("java"));
        env.put("DRIFTLESS_ARCHIVE", "");
        env.put("INPUT_COMMAND", "validate");
        env.put("INPUT_SPECS", Path.of("deploy-specs").toAbsolutePath().toString());
        Script run = script("run.sh", env);
        assertThat(run.exit).as(run.log).isZero();

        // the runner carries a step's changes to later steps only through these two files
        assertThat(githubEnv).isEmptyFile();
        assertThat(githubPath).isEmptyFile();
        String yaml = Files.readString(Path.of("action.yml"));
        assertThat(yaml).contains("uses: actions/setup-java@").contains("if: steps.java.outputs.java == ''");
    }

    @Test
    void jsonOnStdoutParsesWithAMismatchedArchiveAndActionsMasksOnJava17And25() throws Exception {
        for (Path jdk : java.util.List.of(JDK17, JDK25)) {
            String version = releaseVersion(jdk);
            // an archive with this JVM's name that is no archive at all: the JVM complains and runs without it
            Path archive = runner.resolve("driftless-0000-java" + version + (version.startsWith("17") ? ".jsa" : ".aot"));
            Files.writeString(archive, "not an archive");
            Map<String, String> env = new HashMap<>();
            env.put("DRIFTLESS_JAR", JarRun.jar().toString());
            env.put("DRIFTLESS_JAVA", jdk.resolve("bin/java").toString());
            env.put("DRIFTLESS_ARCHIVE", archive.toString());
            env.put("GITHUB_ACTIONS", "true");
            env.put("GITHUB_STEP_SUMMARY", runner.resolve("summary.md").toString());
            env.put("INPUT_GITHUB-TOKEN", "ghs_secretsecret");
            env.put("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE");
            env.put("INPUT_COMMAND", "validate");
            env.put("INPUT_JSON", "true");
            env.put("INPUT_SPECS", Path.of("deploy-specs").toAbsolutePath().toString());

            Streams r = streams("run.sh", env);

            assertThat(r.exit).as(jdk + ": " + r.stderr).isZero();
            com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.stdout);
            assertThat(json.isObject()).as(jdk + " stdout: " + r.stdout).isTrue();
            assertThat(r.stdout).doesNotContain("::add-mask::").doesNotContain("[aot]").doesNotContain("[warning]");
            assertThat(r.stderr).contains("::add-mask::ghs_secretsecret");
            if (!version.startsWith("17")) {
                assertThat(r.stderr).as("the JVM's complaint about the archive").contains("AOT cache");
            }
        }
    }

    @Test
    void prepareMakesTheCacheOnceAndRunUsesIt() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("DRIFTLESS_JAR", JarRun.jar().toString());
        env.put("DRIFTLESS_JAVA", JDK25.resolve("bin/java").toString());
        env.put("DRIFTLESS_CACHE_DIR", runner.resolve("cache").toString());

        Script first = script("prepare.sh", env);
        assertThat(first.exit).as(first.log).isZero();
        String archive = first.outputs.get("archive");
        if (releaseVersion(JDK25).startsWith("17")) {
            assertThat(archive).isEmpty();
            return;
        }
        assertThat(Path.of(archive)).isNotEmptyFile();
        assertThat(Path.of(archive).getFileName().toString()).endsWith("-java" + releaseVersion(JDK25) + ".aot");
        Script again = script("prepare.sh", env);
        assertThat(again.log).contains("JVM cache ready");

        env.put("DRIFTLESS_ARCHIVE", archive);
        env.put("INPUT_COMMAND", "validate");
        env.put("INPUT_SPECS", Path.of("deploy-specs").toAbsolutePath().toString());
        // AOTMode=on makes the JVM fail instead of running without a cache it cannot use
        env.put("JAVA_TOOL_OPTIONS", "-XX:AOTMode=on");
        Script run = script("run.sh", env);
        assertThat(run.exit).as(run.log).isZero();
        assertThat(run.log).contains("is valid").doesNotContain("error");
    }

    private Streams streams(String name, Map<String, String> extra) throws Exception {
        Path output = runner.resolve("output");
        Files.deleteIfExists(output);
        Files.createFile(output);
        Path out = runner.resolve(name + ".out");
        Path err = runner.resolve(name + ".err");
        ProcessBuilder pb = new ProcessBuilder("bash", Path.of("action", name).toAbsolutePath().toString())
                .directory(runner.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("GITHUB_OUTPUT", output.toString());
        pb.environment().put("RUNNER_TEMP", runner.toString());
        pb.environment().putAll(extra);
        Process p = pb.start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).as(name + " finished").isTrue();
        return new Streams(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private record Streams(int exit, String stdout, String stderr) {
    }

    private void stubRelease(String tag, byte[] jar) {
        github.stubFor(get(urlEqualTo("/octo-org/driftless/releases/download/" + tag + "/driftless.jar"))
                .willReturn(aResponse().withBody(jar)));
    }

    /** fetch-jar.sh from a copy of the action whose action/jar.lock says {@code lock}. */
    private Script fetch(String lock, Map<String, String> inputs) throws Exception {
        Path action = runner.resolve("action-copy/action");
        Files.createDirectories(action);
        Files.copy(Path.of("action", "fetch-jar.sh"), action.resolve("fetch-jar.sh"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(action.resolve("jar.lock"), lock);
        Map<String, String> env = new HashMap<>(inputs);
        env.put("GITHUB_SERVER_URL", github.baseUrl());
        return scriptAt(action.resolve("fetch-jar.sh"), env);
    }

    private Script run(Map<String, String> inputs) throws Exception {
        Map<String, String> env = new HashMap<>(inputs);
        env.put("DRIFTLESS_JAR", JarRun.jar().toString());
        return script("run.sh", env);
    }

    private Script script(String name, Map<String, String> extra) throws Exception {
        return scriptAt(Path.of("action", name).toAbsolutePath(), extra);
    }

    private Script scriptAt(Path file, Map<String, String> extra) throws Exception {
        String name = file.getFileName().toString();
        Path output = runner.resolve("output");
        Files.deleteIfExists(output);
        Files.createFile(output);
        Path log = runner.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder("bash", file.toString())
                .directory(runner.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("GITHUB_OUTPUT", output.toString());
        pb.environment().put("RUNNER_TEMP", runner.toString());
        pb.environment().put("GITHUB_ACTION_PATH", Path.of("").toAbsolutePath().toString());
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        pb.environment().putAll(extra);
        Process p = pb.start();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).as(name + " finished").isTrue();
        return new Script(p.exitValue(), Files.readString(log), JarRun.parseOutputs(Files.readString(output)));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private record Script(int exit, String log, Map<String, String> outputs) {
    }
}
