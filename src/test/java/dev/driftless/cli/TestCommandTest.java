package dev.driftless.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftless.exec.FakeDocker;
import dev.driftless.testing.MotoExtension;
import dev.driftless.testing.MotoServer;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(MotoExtension.class)
class TestCommandTest {
    /** moto's ECR password for account 123456789012. */
    private static final String PASSWORD = "123456789012-auth-token";
    private static final String DIGEST = "@sha256:" + "ab".repeat(32);
    private static final String OURS = "123456789012.dkr.ecr.us-west-2.amazonaws.com";
    private static final String SHARED = "210987654321.dkr.ecr.us-west-2.amazonaws.com";

    @TempDir
    Path dir;

    private BuildRun run(String... extra) throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.createDirectories(repo.resolve("deploy-specs"));
        try (InputStream in = getClass().getResourceAsStream("/build-specs/app.yaml")) {
            Files.copy(in, repo.resolve("deploy-specs/app.yaml"));
        }
        Path sample = Path.of(getClass().getResource("/junit/TEST-api.xml").toURI());
        BuildRun run = new BuildRun(dir, Map.of("SAMPLE_REPORT", sample.toString(), "PATH", "/usr/local/bin:/usr/bin:/bin"));
        String[] args = new String[3 + extra.length];
        args[0] = "test";
        args[1] = "--specs=" + repo.resolve("deploy-specs");
        args[2] = "--workdir=" + repo;
        System.arraycopy(extra, 0, args, 3, extra.length);
        return run.run(() -> { }, args);
    }

    @Test
    void runsEveryCommandInItsOwnGroupReportsTheCountsAndFailsWhenOneFails() throws Exception {
        BuildRun run = run();

        assertThat(run.exit).as(run.err()).isEqualTo(1);
        // both commands ran, in order, each in its own group
        assertThat(run.out()).contains("::group::echo running unit tests; mkdir -p reports; cp \"$SAMPLE_REPORT\" reports/junit-api.xml")
                .contains("running unit tests")
                .contains("::group::echo integration tests failed >&2; exit 3")
                .contains("integration tests failed");
        assertThat(run.out().indexOf("running unit tests")).isLessThan(run.out().indexOf("integration tests failed"));
        assertThat(run.out()).contains("::warning::'echo integration tests failed >&2; exit 3' failed with exit code 3");
        assertThat(run.summary())
                .contains("| `echo integration tests failed >&2; exit 3` | runner | ❌ exit 3 |")
                .contains("✅ passed")
                .contains("**Tests:** 3 passed, 2 failed, 1 skipped (6 in 1 report file)")
                .contains("| `tests.test_orders.test_refund_rounding` | AssertionError: assert 10.01 == 10.0 |")
                .contains("| `tests.test_db.test_migrations_apply` | sqlalchemy.exc.OperationalError: could not connect to server |");
        assertThat(run.output("tests-passed")).isEqualTo("3");
        assertThat(run.output("tests-failed")).isEqualTo("2");
        assertThat(run.output("tests-skipped")).isEqualTo("1");
        assertThat(run.err()).contains("commands: 1 passed, 1 failed");
    }

    @Test
    void inImageWithoutImagesSaysWhatToPass() throws Exception {
        Path repo = dir.resolve("repo");
        BuildRun first = run();
        assertThat(first.exit).isEqualTo(1);
        Path spec = repo.resolve("deploy-specs/app.yaml");
        Files.writeString(spec, Files.readString(spec).replace("  timeout: 5m", "  timeout: 5m\n  inImage: true"));

        BuildRun run = new BuildRun(dir.resolve("repo"), Map.of("PATH", "/usr/bin:/bin"))
                .run(() -> { }, "test", "--specs=" + repo.resolve("deploy-specs"), "--workdir=" + repo);

        assertThat(run.exit).isEqualTo(1);
        assertThat(run.err()).contains("test.inImage is set but no images were given")
                .contains("pass the 'images' output of 'driftless build' as --images");
    }

    /** The sample spec with test.inImage set, a recording fake docker on PATH; returns the fake's directory. */
    private Path inImage() throws Exception {
        Path repo = dir.resolve("repo");
        Files.createDirectories(repo.resolve("deploy-specs"));
        try (InputStream in = getClass().getResourceAsStream("/build-specs/app.yaml")) {
            Files.copy(in, repo.resolve("deploy-specs/app.yaml"));
        }
        Path spec = repo.resolve("deploy-specs/app.yaml");
        Files.writeString(spec, Files.readString(spec).replace("  timeout: 5m", "  timeout: 5m\n  inImage: true"));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        FakeDocker.install(bin);
        return bin;
    }

    private BuildRun inImageRun(Path bin, Map<String, String> aws, String... extra) {
        Map<String, String> env = new HashMap<>(aws);
        env.put("PATH", bin + ":/usr/bin:/bin");
        BuildRun run = new BuildRun(dir, env);
        List<String> args = new java.util.ArrayList<>(List.of("test", "--specs=" + dir.resolve("repo/deploy-specs"),
                "--workdir=" + dir.resolve("repo")));
        args.addAll(List.of(extra));
        return run.run(() -> { }, args.toArray(String[]::new));
    }

    @Test
    void inImageLogsInToEachEcrRegistryOnceBeforeAnyContainerAndNeverShowsThePassword(MotoServer moto) throws Exception {
        Path bin = inImage();
        String images = "{\"backend\":\"" + OURS + "/demo-backend" + DIGEST + "\",\"worker\":\"" + OURS + "/demo-backend"
                + DIGEST + "\",\"web\":\"" + SHARED + "/demo-web" + DIGEST + "\"}";

        BuildRun run = inImageRun(bin, moto.awsEnvironment(), "--env", "dev", "--images", images);

        assertThat(run.exit).as(run.err()).isZero();
        List<List<String>> argv = FakeDocker.calls(bin).argv();
        List<String> verbs = argv.stream().map(a -> a.get(0)).toList();
        // one login per registry (backend and worker share one), both before the first container
        assertThat(argv.stream().filter(a -> a.get(0).equals("login"))).containsExactly(
                List.of("login", "--username", "AWS", "--password-stdin", OURS),
                List.of("login", "--username", "AWS", "--password-stdin", SHARED));
        assertThat(verbs.lastIndexOf("login")).isLessThan(verbs.indexOf("run"));
        assertThat(verbs.stream().filter("run"::equals)).hasSize(6);
        assertThat(argv).contains(List.of("run", "--rm", "--volume", dir.resolve("repo") + ":/workspace", "--env", "CI=true",
                "--entrypoint", "sh", SHARED + "/demo-web" + DIGEST, "-c", "echo integration tests failed >&2; exit 3"));
        assertThat(Files.readString(bin.resolve("stdin.log"))).isEqualTo(PASSWORD);
        FakeDocker.Calls calls = FakeDocker.calls(bin);
        assertThat(calls.raw()).as("docker's argv and environment").doesNotContain(PASSWORD).doesNotContain("AWS_SECRET_ACCESS_KEY");
        // masked before anything else could print it; the mask command is the one place it appears
        assertThat(run.out().lines().filter(l -> l.contains(PASSWORD))).containsExactly("::add-mask::" + PASSWORD);
        assertThat(run.err().lines().filter(l -> l.contains(PASSWORD))).containsExactly("::add-mask::" + PASSWORD);
        assertThat(run.err().indexOf("::add-mask::" + PASSWORD)).isNotNegative().isLessThan(run.err().indexOf("Login Succeeded"));
        assertThat(run.err()).contains("logged in to " + OURS + " as AWS").contains("logged in to " + SHARED + " as AWS");
        assertThat(run.summary()).doesNotContain(PASSWORD).contains("image " + SHARED + "/demo-web" + DIGEST);
        assertThat(run.outputs()).doesNotContain(PASSWORD);
    }

    @Test
    void imagesOutsideEcrNeedNoLoginNoEnvironmentAndNoAws() throws Exception {
        Path bin = inImage();
        String image = "localhost:5000/demo-backend" + DIGEST;

        BuildRun run = inImageRun(bin, Map.of(), "--service", "backend", "--images", "{\"backend\":\"" + image + "\"}");

        assertThat(run.exit).as(run.err()).isZero();
        List<List<String>> argv = FakeDocker.calls(bin).argv();
        assertThat(argv).extracting(a -> a.get(0)).containsExactly("run", "run");
        assertThat(argv.get(0)).contains(image);
    }

    @Test
    void anEcrImageWithoutAnEnvironmentSaysToPassTheBuildsAndRunsNothing() throws Exception {
        Path bin = inImage();

        BuildRun run = inImageRun(bin, Map.of(), "--service", "web", "--images",
                "{\"web\":\"" + OURS + "/demo-web" + DIGEST + "\"}");

        assertThat(run.exit).isEqualTo(1);
        assertThat(run.err()).contains("test.inImage pulls from ECR (" + OURS + "), which needs AWS credentials, "
                + "but no environment was given; demo has dev").contains("pass --env NAME");
        assertThat(FakeDocker.calls(bin).argv()).isEmpty();
    }

    @Test
    void anEcrImageInAnotherRegionIsRefusedBeforeAnyDockerCall(MotoServer moto) throws Exception {
        Path bin = inImage();
        String elsewhere = "123456789012.dkr.ecr.eu-central-1.amazonaws.com";

        BuildRun run = inImageRun(bin, moto.awsEnvironment(), "--env", "dev", "--service", "web", "--images",
                "{\"web\":\"" + elsewhere + "/demo-web" + DIGEST + "\"}");

        assertThat(run.exit).isEqualTo(1);
        assertThat(run.err()).contains(elsewhere + " is not in us-west-2, the region driftless logs in to ECR for");
        assertThat(FakeDocker.calls(bin).argv()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not json                                   | 2 | --images is not a JSON object of service to image",
        "[\"a\"]                                      | 2 | --images is not a JSON object of service to image",
        "{\"web\": 3}                                 | 2 | --images: the image for web is 3, not a string",
        "{\"web\": \"demo-web@sha256:0123\"}           | 1 | --images: the image for web (demo-web@sha256:0123) is not <uri>@sha256:<digest>",
    })
    void malformedImagesAreRefusedWithOneClearMessageAndNoDockerCall(String images, int exit, String message) throws Exception {
        Path bin = inImage();

        BuildRun run = inImageRun(bin, Map.of(), "--env", "dev", "--images", images);

        assertThat(run.exit).isEqualTo(exit);
        assertThat(run.err()).contains(message).doesNotContain("\tat dev.driftless");
        assertThat(FakeDocker.calls(bin).argv()).isEmpty();
    }
}
