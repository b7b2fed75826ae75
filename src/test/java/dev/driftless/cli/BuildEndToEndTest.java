package dev.driftless.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftless.aws.EcrTestClients;
import dev.driftless.exec.LocalDocker;
import dev.driftless.testing.MotoExtension;
import dev.driftless.testing.MotoServer;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.ImageDetail;

/**
 * {@code driftless build} with a real Docker engine and registry (started here, on private paths): a
 * FROM-scratch image is built from a Dockerfile, pushed with the ECR token moto hands out (the registry
 * checks it), registered in moto's ECR under its real digest, scanned, and named by that digest in the
 * {@code images} output. If the engine cannot start, the test fails saying why.
 */
@ExtendWith(MotoExtension.class)
class BuildEndToEndTest {
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    private static LocalDocker docker;

    @TempDir
    Path dir;

    @BeforeAll
    static void engine() throws Exception {
        docker = LocalDocker.start();
    }

    @AfterAll
    static void stopEngine() {
        if (docker != null) {
            docker.close();
        }
    }

    @Test
    void buildsPushesAndOutputsTheImageByItsRealDigest(MotoServer moto) throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.createDirectories(repo.resolve("deploy-specs"));
        try (InputStream in = getClass().getResourceAsStream("/build-specs/app.yaml")) {
            Files.copy(in, repo.resolve("deploy-specs/app.yaml"));
        }
        Files.createDirectories(repo.resolve("app"));
        Files.writeString(repo.resolve("app/Dockerfile"), "FROM scratch\nCOPY hello.txt /hello.txt\n");
        Files.writeString(repo.resolve("app/hello.txt"), "hello from driftless " + dir.getFileName() + "\n");
        // docker on PATH records each call's argv and environment, then runs the real CLI
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path calls = dir.resolve("docker-calls.log");
        Path shim = bin.resolve("docker");
        Files.writeString(shim, "#!/bin/sh\n{ echo \"ARGV $*\"; env | sed 's/^/ENV /'; } >> '" + calls + "'\nexec "
                + realDocker() + " \"$@\"\n");
        Files.setPosixFilePermissions(shim, PosixFilePermissions.fromString("rwxr-xr-x"));
        EcrClient ecr = EcrTestClients.at(moto.endpoint());

        BuildRun run = new BuildRun(dir, moto.awsEnvironment());
        run.env.put("PATH", bin + ":/usr/local/bin:/usr/bin:/bin");
        run.env.putAll(docker.environment(Files.createDirectories(dir.resolve("docker-config"))));
        run.env.put("DRIFTLESS_REGISTRY", docker.registryHost());
        // moto has no registry protocol: whenever the build waits, ECR "receives" what the registry holds
        run.run(() -> {
            LocalDocker.Manifest m = docker.manifest("demo-backend", SHA);
            if (m != null && ecr.listImages(r -> r.repositoryName("demo-backend")).imageIds().isEmpty()) {
                ecr.putImage(r -> r.repositoryName("demo-backend").imageTag(SHA).imageManifest(m.body()).imageDigest(m.digest()));
            }
        }, "build", "--specs", repo.resolve("deploy-specs").toString(), "--workdir", repo.toString(),
                "--env", "dev", "--service", "backend");

        assertThat(run.exit).as(run.err()).isZero();
        LocalDocker.Manifest pushed = docker.manifest("demo-backend", SHA);
        assertThat(pushed).as("the registry holds the pushed image").isNotNull();
        assertThat(pushed.digest()).isEqualTo("sha256:" + HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(pushed.body().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        ImageDetail inEcr = ecr.describeImages(r -> r.repositoryName("demo-backend")).imageDetails().get(0);
        assertThat(inEcr.imageDigest()).isEqualTo(pushed.digest());
        assertThat(inEcr.imageTags()).containsExactly(SHA);
        assertThat(run.output("images")).isEqualTo("{\"backend\":\"" + docker.registryHost() + "/demo-backend@" + pushed.digest() + "\"}");
        // moto's scan of an image with no injected result reports one HIGH finding: below the CRITICAL gate
        assertThat(run.summary()).contains("✅ passed (fails on CRITICAL); 1 HIGH").contains(pushed.digest());
        assertThat(run.err()).contains("Login Succeeded").contains("logged in to " + docker.registryHost() + " as AWS");

        String recorded = Files.readString(calls);
        assertThat(recorded).contains("ARGV login --username AWS --password-stdin " + docker.registryHost())
                .contains("ARGV build --file " + repo.resolve("app/Dockerfile"))
                .contains("ARGV push " + docker.registryHost() + "/demo-backend:" + SHA)
                .doesNotContain(LocalDocker.PASSWORD)
                .doesNotContain("AWS_SECRET_ACCESS_KEY");
        assertThat(run.out().lines().filter(l -> l.contains(LocalDocker.PASSWORD))).containsExactly("::add-mask::" + LocalDocker.PASSWORD);
        assertThat(run.err().lines().filter(l -> l.contains(LocalDocker.PASSWORD))).containsExactly("::add-mask::" + LocalDocker.PASSWORD);
        assertThat(run.outputs()).doesNotContain(LocalDocker.PASSWORD);
        assertThat(run.summary()).doesNotContain(LocalDocker.PASSWORD);
    }

    private static String realDocker() {
        for (String c : new String[] {"/usr/local/bin/docker", "/usr/bin/docker"}) {
            if (Files.isExecutable(Path.of(c))) {
                return c;
            }
        }
        throw new IllegalStateException("no docker CLI installed: apt-get install -y docker.io (.ci/run does this)");
    }
}
