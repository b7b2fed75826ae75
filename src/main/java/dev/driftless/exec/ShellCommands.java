package dev.driftless.exec;

import dev.driftless.engine.test.CommandRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Test commands in {@code bash -c} on the runner, in the repository, with the step's environment (like a run: step). */
public final class ShellCommands implements CommandRunner {
    private final ProcessRunner runner;
    private final Map<String, String> env;
    private final Path workdir;

    public ShellCommands(ProcessRunner runner, Map<String, String> env, Path workdir) {
        this.runner = runner;
        this.env = Map.copyOf(env);
        this.workdir = workdir;
    }

    @Override
    public String where() {
        return "runner";
    }

    @Override
    public Outcome run(String command, Duration timeout, Consumer<String> output) {
        ProcessRunner.Result r = runner.run(List.of("bash", "-c", command), env, workdir, null, timeout, output);
        return new Outcome(r.exitCode(), r.timedOut());
    }
}
