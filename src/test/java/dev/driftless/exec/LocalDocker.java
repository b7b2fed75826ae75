package dev.driftless.exec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Docker engine and a registry for one test class, on private paths and a free loopback port
 * (TEST-HARNESS.md §Images): dockerd with vfs storage and no networking of its own, and the Debian
 * docker-registry with htpasswd auth for user AWS and moto's ECR token. Started by the test, stopped by
 * PID. When either cannot start, {@link #start} throws with the reason, so the test fails (never skips).
 */
public final class LocalDocker implements AutoCloseable {
    /** moto's ECR password for account 123456789012 (the bcrypt hash in local-registry/htpasswd is of this). */
    public static final String PASSWORD = "123456789012-auth-token";

    private final Path base;
    private final Process dockerd;
    private final Process registry;
    private final int port;

    private LocalDocker(Path base, Process dockerd, Process registry, int port) {
        this.base = base;
        this.dockerd = dockerd;
        this.registry = registry;
        this.port = port;
    }

    public static LocalDocker start() throws IOException, InterruptedException {
        String dockerdBin = executable("dockerd", "/usr/sbin/dockerd", "/usr/bin/dockerd");
        String registryBin = executable("docker-registry", "/usr/bin/docker-registry");
        String dockerBin = executable("docker", "/usr/local/bin/docker", "/usr/bin/docker");
        // a short path: the engine's unix socket must fit in 108 bytes
        Path base = Files.createTempDirectory(Path.of("/tmp"), "dl-docker-");
        int port = freePort();
        Path htpasswd = base.resolve("htpasswd");
        try (InputStream in = LocalDocker.class.getResourceAsStream("/local-registry/htpasswd")) {
            Files.copy(in, htpasswd);
        }
        Path config = base.resolve("registry.yml");
        Files.writeString(config, "version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: " + base.resolve("registry")
                + "\nhttp:\n  addr: 127.0.0.1:" + port + "\nauth:\n  htpasswd:\n    realm: driftless-test\n    path: " + htpasswd + "\n");
        Process registry = new ProcessBuilder(registryBin, "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(base.resolve("registry.log").toFile()).start();
        Files.writeString(base.resolve("daemon.json"), "{}");
        Process dockerd = new ProcessBuilder(dockerdBin,
                "--config-file", base.resolve("daemon.json").toString(),
                "--data-root", base.resolve("data").toString(),
                "--exec-root", base.resolve("exec").toString(),
                "--pidfile", base.resolve("dockerd.pid").toString(),
                "--host", "unix://" + base.resolve("docker.sock"),
                "--iptables=false", "--ip6tables=false", "--bridge=none", "--storage-driver=vfs",
                "--insecure-registry", "127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(base.resolve("dockerd.log").toFile()).start();
        LocalDocker docker = new LocalDocker(base, dockerd, registry, port);
        try {
            docker.awaitEngine(dockerBin, Duration.ofSeconds(90));
            docker.awaitRegistry(Duration.ofSeconds(30));
        } catch (IOException | RuntimeException | InterruptedException e) {
            docker.close();
            throw e;
        }
        return docker;
    }

    public String dockerHost() {
        return "unix://" + base.resolve("docker.sock");
    }

    public String registryHost() {
        return "127.0.0.1:" + port;
    }

    public Path dir() {
        return base;
    }

    /** A manifest as the registry stores it, and the digest it answers with. */
    public record Manifest(String body, String digest) {
    }

    /** The pushed manifest for repository:tag, or null when the registry has none (yet). */
    public Manifest manifest(String repository, String tag) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://" + registryHost() + "/v2/" + repository
                    + "/manifests/" + tag).toURL().openConnection();
            c.setRequestProperty("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(("AWS:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
            c.setRequestProperty("Accept", "application/vnd.docker.distribution.manifest.v2+json");
            if (c.getResponseCode() != 200) {
                return null;
            }
            String body = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Manifest(body, c.getHeaderField("Docker-Content-Digest"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitEngine(String dockerBin, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!dockerd.isAlive()) {
                throw new IllegalStateException("the Docker engine (dockerd) exited at start with code " + dockerd.exitValue()
                        + "; this test needs a real engine (run as root with docker.io installed, see .ci/run). dockerd log:\n"
                        + tail("dockerd.log"));
            }
            ProcessBuilder pb = new ProcessBuilder(dockerBin, "version", "--format", "{{.Server.Version}}").redirectErrorStream(true);
            pb.environment().put("DOCKER_HOST", dockerHost());
            Process p = pb.start();
            p.getInputStream().readAllBytes();
            if (p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return;
            }
            // polling a child process at start-up
            Thread.sleep(250);
        }
        throw new IllegalStateException("the Docker engine did not answer on " + dockerHost() + " within " + timeout
                + "; dockerd log:\n" + tail("dockerd.log"));
    }

    private void awaitRegistry(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!registry.isAlive()) {
                throw new IllegalStateException("docker-registry exited at start with code " + registry.exitValue()
                        + "; log:\n" + tail("registry.log"));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://" + registryHost() + "/v2/").toURL().openConnection();
                c.setConnectTimeout(200);
                if (c.getResponseCode() == 401 || c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("docker-registry did not answer on " + registryHost() + "; log:\n" + tail("registry.log"));
    }

    private String tail(String log) {
        try {
            List<String> lines = Files.readAllLines(base.resolve(log));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() {
        stop(dockerd, 30);
        stop(registry, 10);
        try (Stream<Path> all = Files.walk(base)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // leftovers in /tmp are harmless; the engine may still hold a mount for a moment
        }
    }

    private static void stop(Process p, int seconds) {
        p.destroy();
        try {
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The first existing candidate or the name found on PATH; else why the test cannot run. */
    static String executable(String name, String... candidates) {
        for (String c : candidates) {
            if (Files.isExecutable(Path.of(c))) {
                return c;
            }
        }
        String onPath = ProcessRunner.resolve(name, System.getenv("PATH"));
        if (!onPath.equals(name)) {
            return onPath;
        }
        throw new IllegalStateException(name + " is not installed, so this end-to-end test cannot start a Docker engine and "
                + "registry; install them with: apt-get install -y docker.io docker-registry (.ci/run does this)");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** For messages: which variables the engine was reached with. */
    public Map<String, String> environment(Path dockerConfig) {
        return Map.of("DOCKER_HOST", dockerHost(), "DOCKER_CONFIG", dockerConfig.toString());
    }
}
