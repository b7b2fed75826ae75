package dev.driftless.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftless.aws.EcrTestClients;
import dev.driftless.aws.ScanFindings;
import dev.driftless.aws.TestImages;
import dev.driftless.exec.FakeDocker;
import dev.driftless.testing.MotoExtension;
import dev.driftless.testing.MotoServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecr.EcrClient;

/**
 * {@code driftless build} against moto's ECR with a recording fake docker: what is called with which
 * arguments, what reaches outputs and the summary, and how the scan gate decides. The real engine is in
 * {@link BuildEndToEndTest}.
 */
@ExtendWith(MotoExtension.class)
class BuildCommandTest {
    /** moto's ECR password for account 123456789012. */
    private static final String PASSWORD = "123456789012-auth-token";
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path dir;

    private Path bin;
    private Path repo;
    private EcrClient ecr;
    private final Map<String, String> manifests = new java.util.HashMap<>();

    @BeforeEach
    void workspace(MotoServer moto) throws IOException {
        bin = Files.createDirectories(dir.resolve("bin"));
        FakeDocker.install(bin);
        repo = Files.createDirectories(dir.resolve("repo"));
        Files.createDirectories(repo.resolve("deploy-specs"));
        try (InputStream in = getClass().getResourceAsStream("/build-specs/app.yaml")) {
            Files.copy(in, repo.resolve("deploy-specs/app.yaml"));
        }
        for (String ctx : List.of("app", "web")) {
            Files.createDirectories(repo.resolve(ctx));
            Files.writeString(repo.resolve(ctx + "/Dockerfile"), "FROM scratch\nCOPY . /\n");
        }
        ecr = EcrTestClients.at(moto.endpoint());
        // the fake docker "pushes" these manifests; ECR learns of them when the gate first waits
        for (String r : List.of("demo-backend", "demo-web")) {
            String manifest = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\","
                    + "\"config\":{\"mediaType\":\"application/vnd.docker.container.image.v1+json\",\"size\":7,\"digest\":\"sha256:"
                    + TestImages.sha256(r + "-config") + "\"},\"layers\":[]}";
            manifests.put(r, manifest);
            Files.writeString(bin.resolve("digest-" + r), "sha256:" + TestImages.sha256(manifest));
        }
    }

    private BuildRun run(MotoServer moto, String... args) {
        BuildRun run = new BuildRun(dir, moto.awsEnvironment());
        run.env.put("PATH", bin + ":/usr/bin:/bin");
        run.env.put("DOCKER_HOST", "unix:///nowhere/docker.sock");
        String[] all = new String[args.length + 4];
        all[0] = "build";
        all[1] = "--specs";
        all[2] = repo.resolve("deploy-specs").toString();
        all[3] = "--workdir=" + repo;
        System.arraycopy(args, 0, all, 4, args.length);
        return run.run(this::registerPushedImages, all);
    }

    /** What ECR itself does on a push; moto has no registry protocol, so the test plays that part. */
    private void registerPushedImages() {
        List<List<String>> calls;
        try {
            calls = FakeDocker.calls(bin).argv();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        manifests.forEach((r, manifest) -> {
            String ref = "123456789012.dkr.ecr.us-west-2.amazonaws.com/" + r + ":" + SHA;
            boolean pushed = calls.contains(List.of("push", ref));
            boolean known = pushed && ecr.listImages(x -> x.repositoryName(r)).imageIds().stream().anyMatch(i -> SHA.equals(i.imageTag()));
            if (pushed && !known) {
                TestImages.put(ecr, r, SHA, manifest);
            }
        });
    }

    private String digest(String repository) throws IOException {
        return Files.readString(bin.resolve("digest-" + repository)).trim();
    }

    @Test
    void aCriticalFindingFailsTheBuildNamesTheCveAndWritesNoImagesOutput(MotoServer moto) throws Exception {
        ScanFindings.inject(moto, "demo-backend", digest("demo-backend"), "CVE-2024-3094", "CRITICAL");
        ScanFindings.inject(moto, "demo-web", digest("demo-web"), "CVE-2023-4863", "HIGH");

        BuildRun run = run(moto, "--env", "dev");

        assertThat(run.exit).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("the scan gate stopped the build: demo-backend has 1 finding(s) at CRITICAL or worse (CVE-2024-3094)")
                .contains("CRITICAL CVE-2024-3094 in openssl 3.0.2 — https://nvd.nist.gov/vuln/detail/CVE-2024-3094");
        assertThat(run.output("images")).isNull();
        assertThat(run.summary()).contains("❌ 1 at CRITICAL or worse")
                .contains("[CVE-2024-3094](https://nvd.nist.gov/vuln/detail/CVE-2024-3094)")
                .contains("✅ passed (fails on CRITICAL); 1 HIGH, 1 LOW");
    }

    @Test
    void aHighFindingPassesAGateOnCriticalAndTheImagesOutputCarriesTheDigests(MotoServer moto) throws Exception {
        ScanFindings.inject(moto, "demo-backend", digest("demo-backend"), "CVE-2023-4863", "HIGH");
        ScanFindings.inject(moto, "demo-web", digest("demo-web"), "CVE-2023-4863", "HIGH");

        BuildRun run = run(moto, "--env", "dev");

        assertThat(run.exit).as(run.err()).isZero();
        String backend = "123456789012.dkr.ecr.us-west-2.amazonaws.com/demo-backend@" + digest("demo-backend");
        String web = "123456789012.dkr.ecr.us-west-2.amazonaws.com/demo-web@" + digest("demo-web");
        assertThat(run.output("images")).isEqualTo(
                "{\"backend\":\"" + backend + "\",\"worker\":\"" + backend + "\",\"web\":\"" + web + "\"}");
        // backend and worker share an image: built and pushed once
        List<List<String>> argv = FakeDocker.calls(bin).argv();
        assertThat(argv.stream().filter(a -> a.get(0).equals("build"))).hasSize(2);
        assertThat(argv).contains(List.of("build", "--file", repo.resolve("web/Dockerfile").toString(),
                "--tag", "123456789012.dkr.ecr.us-west-2.amazonaws.com/demo-web:" + SHA,
                "--build-arg", "API_URL=http://backend:8000", repo.resolve("web").toString()));
        assertThat(argv).contains(List.of("push", "123456789012.dkr.ecr.us-west-2.amazonaws.com/demo-backend:" + SHA));
        assertThat(run.summary()).contains("| backend, worker |").contains("✅ passed");
    }

    @Test
    void theRegistryPasswordReachesDockerOnStdinAndNothingElseShowsIt(MotoServer moto) throws Exception {
        ScanFindings.inject(moto, "demo-backend", digest("demo-backend"), "CVE-2023-4863", "HIGH");
        ScanFindings.inject(moto, "demo-web", digest("demo-web"), "CVE-2023-4863", "HIGH");

        BuildRun run = run(moto, "--env", "dev");

        assertThat(run.exit).as(run.err()).isZero();
        assertThat(Files.readString(bin.resolve("stdin.log"))).isEqualTo(PASSWORD);
        FakeDocker.Calls calls = FakeDocker.calls(bin);
        assertThat(calls.argv()).contains(List.of("login", "--username", "AWS", "--password-stdin",
                "123456789012.dkr.ecr.us-west-2.amazonaws.com"));
        assertThat(calls.raw()).as("docker's argv and environment").doesNotContain(PASSWORD).doesNotContain("AWS_SECRET_ACCESS_KEY");
        // the runner is told to mask it (that command is the one place it may appear) before anything else prints
        assertThat(run.out().lines().filter(l -> l.contains(PASSWORD))).containsExactly("::add-mask::" + PASSWORD);
        assertThat(run.err().lines().filter(l -> l.contains(PASSWORD))).containsExactly("::add-mask::" + PASSWORD);
        assertThat(run.err().indexOf("::add-mask::" + PASSWORD)).isNotNegative().isLessThan(run.err().indexOf("Login Succeeded"));
        assertThat(run.outputs()).doesNotContain(PASSWORD);
        assertThat(run.summary()).doesNotContain(PASSWORD);
    }

    @Test
    void skippingTheGateIsSaidInTheSummaryAndAsksEcrForNoScan(MotoServer moto) throws Exception {
        ScanFindings.inject(moto, "demo-backend", digest("demo-backend"), "CVE-2024-3094", "CRITICAL");

        BuildRun run = run(moto, "--env", "dev", "--skip-scan-gate");

        assertThat(run.exit).as(run.err()).isZero();
        assertThat(run.summary()).contains("**Scan gate skipped**").contains("⚠️ skipped");
        assertThat(run.output("images")).contains("demo-backend@" + digest("demo-backend"));
        assertThat(run.clock.slept()).isZero();
    }

    @Test
    void aDryRunCreatesNoRepositoryAndRunsNoDocker(MotoServer moto) throws Exception {
        BuildRun run = run(moto, "--env", "dev", "--dry-run");

        assertThat(run.exit).as(run.err()).isZero();
        assertThat(ecr.describeRepositories().repositories()).isEmpty();
        assertThat(FakeDocker.calls(bin).argv()).isEmpty();
        assertThat(run.err()).contains("demo-backend: would create repository demo-backend");
        assertThat(run.summary()).contains("(dry run)").contains("would change");
    }

    @Test
    void aMissingDockerfileStopsTheBuildBeforeAnyChange(MotoServer moto) throws Exception {
        Files.delete(repo.resolve("web/Dockerfile"));

        BuildRun run = run(moto, "--env", "dev");

        assertThat(run.exit).isEqualTo(1);
        assertThat(run.err()).contains("cannot build: demo-web: no Dockerfile at " + repo.resolve("web/Dockerfile"));
        assertThat(ecr.describeRepositories().repositories()).isEmpty();
    }

    @Test
    void aRepositoryEncryptedOtherwiseThanTheSpecStopsTheBuildBeforeAnyRepositoryIsTouched(MotoServer moto) throws Exception {
        Path spec = repo.resolve("deploy-specs/app.yaml");
        Files.writeString(spec, Files.readString(spec).replace("      repository: demo-web\n",
                "      repository: demo-web\n      encryption: KMS\n"));
        ecr.createRepository(r -> r.repositoryName("demo-web"));

        BuildRun run = run(moto, "--env", "dev");

        assertThat(run.exit).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("ECR repository demo-web is encrypted with AES256 but the spec asks for "
                        + "KMS (AWS-managed key) (nothing was changed)")
                .contains("delete and recreate the repository")
                .doesNotContain("\tat dev.driftless");
        assertThat(ecr.describeRepositories().repositories()).extracting(r -> r.repositoryName()).containsExactly("demo-web");
        assertThat(FakeDocker.calls(bin).argv()).isEmpty();
    }
}
