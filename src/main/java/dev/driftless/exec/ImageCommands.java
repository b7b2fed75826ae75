package dev.driftless.exec;

import dev.driftless.engine.test.CommandRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Test commands inside the built image ({@code docker run --rm IMAGE sh -c COMMAND}). The repository is
 * mounted at /workspace so reports written there reach the runner.
 */
public final class ImageCommands implements CommandRunner {
    private final ProcessRunner runner;
    private final Map<String, String> dockerEnv;
    private final Path workdir;
    private final String image;

    public ImageCommands(ProcessRunner runner, Map<String, String> environment, Path workdir, String image) {
        this.runner = runner;
        this.dockerEnv = DockerCli.childEnvironment(environment);
        this.workdir = workdir;
        this.image = image;
    }

    @Override
    public String where() {
        return "image " + image;
    }

    @Override
    public Outcome run(String command, Duration timeout, Consumer<String> output) {
        ProcessRunner.Result r = runner.run(List.of("docker", "run", "--rm", "--volume", workdir.toAbsolutePath() + ":/workspace",
                "--env", "CI=true", "--entrypoint", "sh", image, "-c", command), dockerEnv, workdir, null, timeout, output);
        return new Outcome(r.exitCode(), r.timedOut());
    }
}
