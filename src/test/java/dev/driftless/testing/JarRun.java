package dev.driftless.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the packaged {@code target/driftless.jar} as a separate process, the way the composite action
 * runs it on a runner: same JVM flags, a clean environment, and (with {@link #inActions}) the files
 * and variables the runner provides. Integration tests ({@code *IT}) use it after {@code package}.
 *
 * <pre>{@code
 * JarRun.Result r = JarRun.of("plan", "--env", "dev")
 *         .inActions("pull_request", "webhooks/pull_request.opened.json")
 *         .env(moto.awsEnvironment())
 *         .run();
 * }</pre>
 */
public final class JarRun {
    /** The flags action.yml runs the jar with; ITs run it the same way. */
    public static final List<String> JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData");

    private static final Pattern HEREDOC = Pattern.compile("(?s)([^\\n<=]+)<<([^\\n]+)\\n(.*?)\\n?\\2\\n");

    private final List<String> args;
    private final Map<String, String> env = new LinkedHashMap<>();
    private Path workDir;
    private Path runnerDir;
    private Duration timeout = Duration.ofMinutes(2);
    private java.util.function.BiConsumer<Process, Path> whenStarted = (p, logs) -> { };

    private JarRun(List<String> args) {
        this.args = List.copyOf(args);
        // a clean environment: what the host has set must not leak into what we check
        for (String keep : List.of("PATH", "HOME", "LANG", "TMPDIR")) {
            String v = System.getenv(keep);
            if (v != null) {
                env.put(keep, v);
            }
        }
    }

    public static JarRun of(String... args) {
        return new JarRun(List.of(args));
    }

    /** The jar under test: the failsafe property {@code driftless.jar}, else target/driftless.jar. */
    public static Path jar() {
        return Path.of(System.getProperty("driftless.jar", "target/driftless.jar")).toAbsolutePath();
    }

    public JarRun env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public JarRun env(Map<String, String> values) {
        env.putAll(values);
        return this;
    }

    /** The directory the jar runs in (the runner's GITHUB_WORKSPACE); a fresh temp dir by default. */
    public JarRun in(Path directory) {
        this.workDir = directory;
        return this;
    }

    public JarRun timeout(Duration limit) {
        this.timeout = limit;
        return this;
    }

    /**
     * The runner's environment for an event: GITHUB_ACTIONS=true, CI, the event name and payload (a
     * test resource copied to a file, or null for none), empty GITHUB_OUTPUT / GITHUB_STEP_SUMMARY /
     * GITHUB_ENV files, RUNNER_TEMP, and the repository context of the sample payloads.
     */
    public JarRun inActions(String eventName, String eventResource) {
        runnerDir = temp("driftless-runner-");
        Path event = runnerDir.resolve("event.json");
        try {
            if (eventResource != null) {
                try (InputStream in = JarRun.class.getResourceAsStream("/" + eventResource)) {
                    if (in == null) {
                        throw new IllegalArgumentException("no test resource " + eventResource);
                    }
                    Files.copy(in, event);
                }
            } else {
                Files.writeString(event, "{}");
            }
            for (String f : List.of("output", "summary", "env", "path")) {
                Files.createFile(runnerDir.resolve(f));
            }
            Files.createDirectories(runnerDir.resolve("temp"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env.put("CI", "true");
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_EVENT_NAME", eventName);
        env.put("GITHUB_EVENT_PATH", event.toString());
        env.put("GITHUB_OUTPUT", runnerDir.resolve("output").toString());
        env.put("GITHUB_STEP_SUMMARY", runnerDir.resolve("summary").toString());
        env.put("GITHUB_ENV", runnerDir.resolve("env").toString());
        env.put("GITHUB_PATH", runnerDir.resolve("path").toString());
        env.put("RUNNER_TEMP", runnerDir.resolve("temp").toString());
        env.putIfAbsent("GITHUB_REPOSITORY", "octo-org/octo-repo");
        env.putIfAbsent("GITHUB_SHA", "ffac537e6cbbf934b08745a378932722df287a53");
        env.putIfAbsent("GITHUB_REF", "refs/heads/main");
        env.putIfAbsent("GITHUB_RUN_ID", "1658821493");
        env.putIfAbsent("GITHUB_RUN_ATTEMPT", "1");
        env.putIfAbsent("GITHUB_WORKFLOW", eventName);
        env.putIfAbsent("GITHUB_ACTOR", "octocat");
        env.putIfAbsent("GITHUB_SERVER_URL", "https://github.com");
        env.putIfAbsent("GITHUB_API_URL", "https://api.github.com");
        return this;
    }

    /**
     * Blocks until the running process's stdout or stderr (in {@code logs}, as {@link #whenStarted} gives it) contains
     * {@code text}, or {@code limit} passed. The process is a real one on the wall clock, so this polls.
     */
    public static void awaitOutput(Path logs, String text, Duration limit) {
        long until = System.currentTimeMillis() + limit.toMillis();
        try {
            while (System.currentTimeMillis() < until && !(Files.readString(logs.resolve("stdout"))
                    + Files.readString(logs.resolve("stderr"))).contains(text)) {
                Thread.sleep(100);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for '" + text + "'", e);
        }
    }

    /** Runs {@code action} once the process started, with the directory holding its stdout and stderr files. */
    public JarRun whenStarted(java.util.function.BiConsumer<Process, Path> action) {
        this.whenStarted = action;
        return this;
    }

    public Result run() {
        Path dir = workDir != null ? workDir : temp("driftless-work-");
        if (runnerDir != null) {
            env.putIfAbsent("GITHUB_WORKSPACE", dir.toString());
        }
        Path logs = temp("driftless-streams-");
        Path stdout = logs.resolve("stdout");
        Path stderr = logs.resolve("stderr");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JVM_FLAGS);
        cmd.add("-jar");
        cmd.add(jar().toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            whenStarted.accept(p, logs);
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("driftless " + String.join(" ", args) + " did not finish within " + timeout
                        + "\nstdout:\n" + Files.readString(stdout) + "\nstderr:\n" + Files.readString(stderr));
            }
            return new Result(args, p.exitValue(), Files.readString(stdout), Files.readString(stderr),
                    runnerDir == null ? Map.of() : parseOutputs(Files.readString(runnerDir.resolve("output"))),
                    runnerDir == null ? "" : Files.readString(runnerDir.resolve("summary")),
                    dir, runnerDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Reads a GITHUB_OUTPUT file: heredoc entries and plain {@code name=value} lines. */
    public static Map<String, String> parseOutputs(String file) {
        Map<String, String> outputs = new LinkedHashMap<>();
        int pos = 0;
        Matcher m = HEREDOC.matcher(file);
        while (pos < file.length()) {
            if (m.find(pos) && m.start() == pos) {
                outputs.put(m.group(1), m.group(3));
                pos = m.end();
                continue;
            }
            int eol = file.indexOf('\n', pos);
            String line = file.substring(pos, eol < 0 ? file.length() : eol);
            int eq = line.indexOf('=');
            if (eq > 0) {
                outputs.put(line.substring(0, eq), line.substring(eq + 1));
            } else if (!line.isBlank()) {
                throw new AssertionError("GITHUB_OUTPUT has a line the runner would reject: " + line);
            }
            pos = eol < 0 ? file.length() : eol + 1;
        }
        return outputs;
    }

    private static Path temp(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What one run left behind. {@code runnerDir} holds event.json, output, summary, env (null outside Actions). */
    public record Result(List<String> args, int exitCode, String stdout, String stderr,
                         Map<String, String> outputs, String summary, Path workDir, Path runnerDir) {

        public List<String> stdoutLines() {
            return stdout.lines().toList();
        }

        public List<String> stderrLines() {
            return stderr.lines().toList();
        }

        /** For assertion messages: the command and both streams. */
        public String describe() {
            return "driftless " + String.join(" ", args) + " exited " + exitCode
                    + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }

        public String file(String relative) {
            try {
                return Files.readString(workDir.resolve(relative), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
