package dev.driftless.engine.build;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The container engine the build drives. Implementations never put a password on a command line. */
public interface DockerEngine {
    /** Whether {@code docker buildx} is available (else the classic builder is used). */
    boolean hasBuildx();

    /** Logs in; the password reaches the engine on stdin only. */
    void login(RegistryLogin login);

    /**
     * Builds one image and gives it every tag.
     *
     * @param platform e.g. linux/amd64, or null for the engine's own
     */
    void build(String context, String dockerfile, Map<String, String> args, String platform, List<String> tags);

    /** Pushes one tag; returns the digest the registry stored it under (sha256:...). */
    String push(String reference);

    /** The registry digest recorded for a pushed image, if the engine knows one. */
    Optional<String> repoDigest(String reference);
}
