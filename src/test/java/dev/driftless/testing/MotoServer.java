package dev.driftless.testing;

import dev.driftless.demo.LocalMoto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One moto server process on a free loopback port. Started by {@link MotoExtension}; usable alone for
 * tests that need their own server settings (moto reads MOTO_* variables at start).
 */
public final class MotoServer implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private MotoServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts moto with extra environment variables (e.g. MOTO_ECS_SERVICE_RUNNING) and waits until it answers. */
    public static MotoServer start(Map<String, String> env) {
        return start(List.of("-m", "moto.server"), env);
    }

    /**
     * Starts moto through a Python launcher on the test classpath (e.g. {@code /moto/rollouts.py}, which
     * patches moto to model ECS rollouts) that takes moto.server's arguments.
     */
    public static MotoServer startLauncher(String resource, Map<String, String> env) {
        try (var in = MotoServer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no launcher " + resource + " on the test classpath");
            }
            Path script = Files.createTempFile("moto-launcher-", ".py");
            Files.write(script, in.readAllBytes());
            script.toFile().deleteOnExit();
            return start(List.of(script.toString()), env);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts moto through the first of several launchers on the test classpath, all copied into one directory so
     * a test launcher can build on the project's own (e.g. {@code /moto/circuit_breaker.py} loads the
     * {@code rollouts.py} beside it).
     */
    public static MotoServer startLaunchers(List<String> resources, Map<String, String> env) {
        try {
            Path dir = Files.createTempDirectory("moto-launchers-");
            dir.toFile().deleteOnExit();
            Path first = null;
            for (String resource : resources) {
                try (var in = MotoServer.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalArgumentException("no launcher " + resource + " on the test classpath");
                    }
                    Path file = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
                    Files.write(file, in.readAllBytes());
                    file.toFile().deleteOnExit();
                    first = first == null ? file : first;
                }
            }
            return start(List.of(first.toString()), env);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MotoServer start(List<String> launcher, Map<String, String> env) {
        String python = LocalMoto.interpreter();
        int port = LocalMoto.freePort();
        try {
            Path log = Files.createTempFile("moto-" + port + "-", ".log");
            List<String> cmd = new ArrayList<>(List.of(python));
            cmd.addAll(launcher);
            cmd.addAll(List.of("-H", "127.0.0.1", "-p", String.valueOf(port)));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            MotoServer server = new MotoServer(p, port, log);
            server.awaitReady(Duration.ofSeconds(30));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start moto (" + python + " -m moto.server)", e);
        }
    }

    public static MotoServer start() {
        return start(Map.of());
    }

    public int port() {
        return port;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** Wipes all state, between tests. */
    public void reset() {
        post("/moto-api/reset", "", "application/json");
    }

    /** POSTs to one of moto's control endpoints (e.g. /moto-api/static/ce/cost-and-usage-results). */
    public String post(String path, String body, String contentType) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(endpoint() + path).toURL().openConnection();
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", contentType);
            c.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
            int status = c.getResponseCode();
            String answer = new String((status < 400 ? c.getInputStream() : c.getErrorStream()).readAllBytes(), StandardCharsets.UTF_8);
            if (status >= 400) {
                throw new IllegalStateException("moto " + path + " answered " + status + ": " + answer);
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The environment an SDK client or the driftless process needs to talk to this server. */
    public Map<String, String> awsEnvironment() {
        return Map.of(
                "AWS_ENDPOINT_URL", endpoint(),
                "AWS_ACCESS_KEY_ID", "testing",
                "AWS_SECRET_ACCESS_KEY", "testing",
                "AWS_REGION", "us-west-2");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto exited at start (code " + process.exitValue() + "): " + tail());
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(endpoint() + "/moto-api/").toURL().openConnection();
                c.setConnectTimeout(200);
                c.setReadTimeout(1000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            try {
                // polling a child process at start-up; there is nothing to inject a clock into here
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for moto", e);
            }
        }
        close();
        throw new IllegalStateException("moto did not answer within " + timeout + ": " + tail());
    }

    private String tail() {
        try {
            String s = Files.readString(log);
            return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
