package dev.driftless.exec;

import dev.driftless.DriftlessException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a child process with exactly the environment it is given (nothing inherited), optional stdin,
 * a timeout, and its merged output passed line by line, redacted, to a listener and kept for parsing.
 */
public final class ProcessRunner {
    private final Redactor redactor;

    public ProcessRunner(Redactor redactor) {
        this.redactor = redactor;
    }

    /** How a run ended; {@code output} is already redacted. */
    public record Result(int exitCode, String output, boolean timedOut) {
        public boolean ok() {
            return exitCode == 0 && !timedOut;
        }

        /** The last lines of output, for an error message. */
        public String tail(int lines) {
            List<String> all = output.lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        }
    }

    /**
     * @param command the program (looked up on the given environment's PATH, not ours) and its arguments
     * @param stdin bytes written to the child's stdin and then closed, or null for none
     */
    public Result run(List<String> command, Map<String, String> env, Path dir, byte[] stdin, Duration timeout,
            Consumer<String> lines) {
        List<String> argv = new ArrayList<>(command);
        argv.set(0, resolve(command.get(0), env.get("PATH")));
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new DriftlessException("cannot run " + command.get(0) + ": " + e.getMessage(),
                    "install " + command.get(0) + " on the runner, or put it on PATH", e);
        }
        StringBuilder out = new StringBuilder();
        Thread reader = new Thread(() -> pump(p, out, lines), "output of " + command.get(0));
        reader.setDaemon(true);
        reader.start();
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin);
            }
        } catch (IOException e) {
            // the child exited before reading stdin; its exit code says why
        }
        try {
            boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
            synchronized (out) {
                return new Result(done ? p.exitValue() : -1, out.toString(), !done);
            }
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new DriftlessException("interrupted while running " + command.get(0));
        }
    }

    private void pump(Process p, StringBuilder out, Consumer<String> lines) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String clean = redactor.apply(line);
                synchronized (out) {
                    out.append(clean).append('\n');
                }
                lines.accept(clean);
            }
        } catch (IOException e) {
            // the stream closes when the process is killed
        }
    }

    /**
     * Java looks programs up on its own PATH; the child's environment decides here, so a test (or the
     * runner) can put its own docker first.
     */
    static String resolve(String program, String path) {
        if (program.contains("/") || path == null) {
            return program;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return program;
    }
}
