package dev.driftless.demo;

import dev.driftless.DriftlessException;
import dev.driftless.engine.Sleeper;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A moto server (the AWS emulator) started by {@code driftless demo} on a free loopback port and
 * stopped by its own PID. When the jar carries {@code moto/rollouts.py} (moto patched so ECS updates
 * produce a completed PRIMARY deployment, as a healthy rollout does) moto runs through it.
 */
public final class LocalMoto implements AutoCloseable {
    private static final String LAUNCHER = "/moto/rollouts.py";

    private final Process process;
    private final int port;
    private final Path log;

    private LocalMoto(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts moto and waits (through {@code sleeper}) until it answers, at most {@code timeout}. */
    public static LocalMoto start(Path workDir, Clock clock, Sleeper sleeper, Duration timeout) {
        String python = interpreter();
        int port = freePort();
        try {
            Path log = workDir.resolve("moto.log");
            List<String> cmd = new ArrayList<>(List.of(python));
            cmd.addAll(launcher(workDir));
            cmd.addAll(List.of("-H", "127.0.0.1", "-p", String.valueOf(port)));
            Process p = new ProcessBuilder(cmd).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            LocalMoto moto = new LocalMoto(p, port, log);
            moto.awaitReady(clock, sleeper, timeout);
            return moto;
        } catch (IOException e) {
            throw new DriftlessException("cannot start moto with " + python + ": " + e.getMessage(),
                    "install it with: pip install 'moto[server]'", e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> launcher(Path workDir) throws IOException {
        try (InputStream in = LocalMoto.class.getResourceAsStream(LAUNCHER)) {
            if (in == null) {
                return List.of("-m", "moto.server");
            }
            Path script = workDir.resolve("moto-rollouts.py");
            Files.write(script, in.readAllBytes());
            return List.of(script.toString());
        }
    }

    private void awaitReady(Clock clock, Sleeper sleeper, Duration timeout) {
        Instant deadline = clock.instant().plus(timeout);
        while (clock.instant().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new DriftlessException("moto exited at start (code " + process.exitValue() + "): " + tail(),
                        "check that 'python3 -m moto.server' runs (pip install 'moto[server]')");
            }
            if (answers()) {
                return;
            }
            try {
                sleeper.sleep(Duration.ofMillis(100));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
        throw new DriftlessException("moto did not answer within " + timeout.toSeconds() + "s: " + tail(),
                "see " + log + "; a busy machine may need another try");
    }

    private boolean answers() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(endpoint() + "/moto-api/").toURL().openConnection();
            c.setConnectTimeout(200);
            c.setReadTimeout(1000);
            return c.getResponseCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    private String tail() {
        try {
            String s = Files.readString(log, StandardCharsets.UTF_8);
            return s.length() > 1500 ? s.substring(s.length() - 1500) : s;
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** The interpreter itself (not a pyenv or other shim), so the PID held is moto's. Test support uses it too. */
    public static String interpreter() {
        for (String candidate : List.of("python3", "python")) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import moto, sys; print(sys.executable)")
                        .redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                if (p.waitFor() == 0 && !out.isEmpty()) {
                    return out.lines().reduce((a, b) -> b).orElse(candidate);
                }
            } catch (IOException e) {
                // try the next name
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new DriftlessException("the demo needs moto (the AWS emulator) and python3 cannot import it",
                "install it with: pip install 'moto[server]'");
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new DriftlessException("no free loopback port for moto: " + e.getMessage(), null, e);
        }
    }
}
