package dev.driftless.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftless.DriftlessException;
import dev.driftless.engine.build.RegistryLogin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerCliTest {
    private static final String PASSWORD = "eyJwYXlsb2FkIjoic2VjcmV0LXRva2VuIn0=";

    @TempDir
    Path dir;

    private final List<String> log = new ArrayList<>();

    private DockerCli docker(Map<String, String> extraEnv) throws Exception {
        FakeDocker.install(dir);
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "PATH", dir + ":/usr/bin:/bin",
                "HOME", dir.toString(),
                "DOCKER_HOST", "unix:///tmp/nowhere.sock",
                "AWS_SECRET_ACCESS_KEY", "aws-secret-value",
                "GITHUB_TOKEN", "ghs_github-token-value"));
        env.putAll(extraEnv);
        Redactor redactor = new Redactor();
        redactor.add(PASSWORD);
        return new DockerCli(new ProcessRunner(redactor), env, dir, log::add);
    }

    @Test
    void loginSendsThePasswordOnStdinOnlyAndDockerSeesOnlyItsOwnVariables() throws Exception {
        docker(Map.of()).login(new RegistryLogin("123456789012.dkr.ecr.us-west-2.amazonaws.com", "AWS", PASSWORD));

        FakeDocker.Calls calls = FakeDocker.calls(dir);
        assertThat(calls.argv()).containsExactly(List.of("login", "--username", "AWS", "--password-stdin",
                "123456789012.dkr.ecr.us-west-2.amazonaws.com"));
        assertThat(Files.readString(dir.resolve("stdin.log"))).isEqualTo(PASSWORD);
        assertThat(calls.raw()).doesNotContain(PASSWORD).doesNotContain("aws-secret-value").doesNotContain("ghs_github-token-value");
        assertThat(calls.raw()).contains("ENV\tDOCKER_HOST=unix:///tmp/nowhere.sock");
        assertThat(log).contains("Login Succeeded");
    }

    @Test
    void buildsWithTheClassicBuilderWhenBuildxIsMissing() throws Exception {
        docker(Map.of()).build("/src/app", "/src/app/Dockerfile", Map.of("VERSION", "1.2"), "linux/arm64",
                List.of("reg/app:abc", "reg/app:main"));

        assertThat(FakeDocker.calls(dir).argv()).containsExactly(
                List.of("buildx", "version"),
                List.of("build", "--file", "/src/app/Dockerfile", "--tag", "reg/app:abc", "--tag", "reg/app:main",
                        "--build-arg", "VERSION=1.2", "--platform", "linux/arm64", "/src/app"));
    }

    @Test
    void buildsWithBuildxWhenItIsThere() throws Exception {
        DockerCli docker = docker(Map.of());
        Files.writeString(dir.resolve("has-buildx"), "");

        docker.build("/src/app", "/src/app/Dockerfile", Map.of(), null, List.of("reg/app:abc"));

        assertThat(FakeDocker.calls(dir).argv()).last().isEqualTo(
                List.of("buildx", "build", "--load", "--file", "/src/app/Dockerfile", "--tag", "reg/app:abc", "/src/app"));
    }

    @Test
    void readsThePushedDigestFromThePushOutput() throws Exception {
        DockerCli docker = docker(Map.of());
        String digest = "sha256:" + "ab".repeat(32);
        Files.writeString(dir.resolve("digest-app"), digest);

        assertThat(docker.push("127.0.0.1:5000/app:abc")).isEqualTo(digest);
    }

    @Test
    void aFailedBuildSaysWhyWithTheTailOfItsOutput() throws Exception {
        DockerCli docker = docker(Map.of());
        Files.writeString(dir.resolve("fail-build"), "");

        assertThatThrownBy(() -> docker.build("/src/app", "/src/app/Dockerfile", Map.of(), null, List.of("reg/app:abc")))
                .isInstanceOf(DriftlessException.class)
                .hasMessageContaining("docker build of reg/app:abc failed (exit 1)")
                .hasMessageContaining("pull access denied");
    }

    @Test
    void stripsTheTagButNotTheRegistryPort() {
        assertThat(DockerCli.withoutTag("127.0.0.1:5000/team/app:abc")).isEqualTo("127.0.0.1:5000/team/app");
        assertThat(DockerCli.withoutTag("127.0.0.1:5000/app")).isEqualTo("127.0.0.1:5000/app");
    }
}
