package dev.driftless.exec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftless.DriftlessException;
import dev.driftless.engine.build.DockerEngine;
import dev.driftless.engine.build.RegistryLogin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@link DockerEngine} through the {@code docker} CLI. */
public final class DockerCli implements DockerEngine {
    /**
     * What docker may see of our environment. Everything else (AWS credentials, GitHub tokens, action
     * inputs) stays out of the child, and so out of anything it might dump.
     */
    private static final Set<String> PASSED = Set.of("PATH", "HOME", "USER", "LANG", "LC_ALL", "TMPDIR", "XDG_RUNTIME_DIR",
            "DOCKER_HOST", "DOCKER_CONFIG", "DOCKER_CONTEXT", "DOCKER_CERT_PATH", "DOCKER_TLS_VERIFY", "DOCKER_BUILDKIT",
            "DOCKER_DEFAULT_PLATFORM", "BUILDX_BUILDER", "BUILDKIT_PROGRESS", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY",
            "http_proxy", "https_proxy", "no_proxy", "SSL_CERT_FILE", "SSL_CERT_DIR");
    private static final Pattern PUSHED_DIGEST = Pattern.compile("digest: (sha256:[0-9a-f]{64})");
    private static final Duration QUICK = Duration.ofMinutes(2);
    private static final Duration BUILD = Duration.ofMinutes(60);
    private static final Duration PUSH = Duration.ofMinutes(30);

    private final ProcessRunner runner;
    private final Map<String, String> env;
    private final Path workdir;
    private final Consumer<String> log;
    private Boolean buildx;

    /**
     * @param environment the run's environment; only docker's own variables are passed on
     * @param log where docker's output goes, line by line (already redacted)
     */
    public DockerCli(ProcessRunner runner, Map<String, String> environment, Path workdir, Consumer<String> log) {
        this.runner = runner;
        this.env = childEnvironment(environment);
        this.workdir = workdir;
        this.log = log;
    }

    static Map<String, String> childEnvironment(Map<String, String> all) {
        Map<String, String> env = new LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (PASSED.contains(k)) {
                env.put(k, v);
            }
        });
        env.putIfAbsent("PATH", "/usr/local/bin:/usr/bin:/bin");
        return env;
    }

    @Override
    public boolean hasBuildx() {
        if (buildx == null) {
            buildx = runner.run(List.of("docker", "buildx", "version"), env, workdir, null, QUICK, l -> { }).ok();
        }
        return buildx;
    }

    @Override
    public void login(RegistryLogin login) {
        ProcessRunner.Result r = runner.run(
                List.of("docker", "login", "--username", login.username(), "--password-stdin", login.host()),
                env, workdir, login.password().getBytes(StandardCharsets.UTF_8), QUICK, log);
        if (!r.ok()) {
            throw new DriftlessException("docker login to " + login.host() + " failed: " + r.tail(5),
                    "check that the docker engine is running (DOCKER_HOST) and that the registry host is right"
                            + " (--registry / DRIFTLESS_REGISTRY overrides the ECR host)");
        }
    }

    @Override
    public void build(String context, String dockerfile, Map<String, String> args, String platform, List<String> tags) {
        List<String> cmd = new ArrayList<>(hasBuildx() ? List.of("docker", "buildx", "build", "--load") : List.of("docker", "build"));
        cmd.add("--file");
        cmd.add(dockerfile);
        for (String tag : tags) {
            cmd.add("--tag");
            cmd.add(tag);
        }
        args.forEach((k, v) -> {
            cmd.add("--build-arg");
            cmd.add(k + "=" + v);
        });
        if (platform != null && !platform.isBlank()) {
            cmd.add("--platform");
            cmd.add(platform);
        }
        cmd.add(context);
        ProcessRunner.Result r = runner.run(cmd, env, workdir, null, BUILD, log);
        if (!r.ok()) {
            throw new DriftlessException("docker build of " + tags.get(0) + " failed"
                    + (r.timedOut() ? " (timed out after " + BUILD.toMinutes() + "m)" : " (exit " + r.exitCode() + ")")
                    + ": " + r.tail(8), "the build output above shows the failing step; fix the Dockerfile or the build context");
        }
    }

    @Override
    public String push(String reference) {
        ProcessRunner.Result r = runner.run(List.of("docker", "push", reference), env, workdir, null, PUSH, log);
        if (!r.ok()) {
            throw new DriftlessException("docker push " + reference + " failed: " + r.tail(5),
                    "check the login (the deploy role needs ecr:InitiateLayerUpload, ecr:UploadLayerPart, "
                            + "ecr:CompleteLayerUpload, ecr:PutImage, ecr:BatchCheckLayerAvailability) and that the tag is "
                            + "not already taken in an immutable repository");
        }
        Matcher m = PUSHED_DIGEST.matcher(r.output());
        String digest = null;
        while (m.find()) {
            digest = m.group(1);
        }
        if (digest != null) {
            return digest;
        }
        return repoDigest(reference).orElseThrow(() -> new DriftlessException(
                "docker pushed " + reference + " but reported no digest", "rerun the build; check the docker engine's version"));
    }

    @Override
    public Optional<String> repoDigest(String reference) {
        ProcessRunner.Result r = runner.run(List.of("docker", "inspect", "--format", "{{json .RepoDigests}}", reference),
                env, workdir, null, QUICK, l -> { });
        if (!r.ok()) {
            return Optional.empty();
        }
        String repo = withoutTag(reference);
        try {
            JsonNode digests = new ObjectMapper().readTree(r.output().trim());
            for (JsonNode d : digests) {
                String s = d.asText();
                if (s.startsWith(repo + "@")) {
                    return Optional.of(s.substring(repo.length() + 1));
                }
            }
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** {@code host:port/repo:tag} → {@code host:port/repo} (a colon before the last slash is a port). */
    static String withoutTag(String reference) {
        int slash = reference.lastIndexOf('/');
        int colon = reference.lastIndexOf(':');
        return colon > slash ? reference.substring(0, colon) : reference;
    }
}
