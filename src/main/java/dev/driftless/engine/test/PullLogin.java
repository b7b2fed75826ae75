package dev.driftless.engine.test;

import dev.driftless.DriftlessException;
import dev.driftless.engine.Progress;
import dev.driftless.engine.build.ContainerRegistry;
import dev.driftless.engine.build.DockerEngine;
import dev.driftless.engine.build.EcrHost;
import dev.driftless.engine.build.RegistryLogin;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Logs docker in to every ECR registry the images under test come from, once each, before any container
 * starts; images in other registries (a local one in tests) need no login. The password is masked before
 * anything could print it and reaches docker on stdin only.
 */
public final class PullLogin {
    private final ContainerRegistry registry;
    private final DockerEngine docker;
    private final Consumer<String> mask;
    private final Progress progress;

    /** @param mask called with the registry password before anything could print it (the Actions mask and our redactor) */
    public PullLogin(ContainerRegistry registry, DockerEngine docker, Consumer<String> mask, Progress progress) {
        this.registry = registry;
        this.docker = docker;
        this.mask = mask;
        this.progress = progress;
    }

    /** The distinct ECR registries among these images, in the order first named. */
    public static List<EcrHost> hosts(Collection<String> images) {
        Map<String, EcrHost> byHost = new LinkedHashMap<>();
        for (String image : images) {
            EcrHost.of(image).ifPresent(h -> byHost.putIfAbsent(h.host(), h));
        }
        return List.copyOf(byHost.values());
    }

    /**
     * @param region the region the AWS clients work in: an ECR token is good for that region's registries only
     */
    public void login(List<EcrHost> hosts, String region) {
        List<String> elsewhere = hosts.stream().filter(h -> !h.region().equals(region)).map(EcrHost::host).toList();
        if (!elsewhere.isEmpty()) {
            throw new DriftlessException("test.inImage: " + String.join(", ", elsewhere) + " is not in " + region
                    + ", the region driftless logs in to ECR for", "test images the build pushed to the spec's region");
        }
        if (hosts.isEmpty()) {
            return;
        }
        // one token serves every registry of the region the role may pull from (other accounts' too)
        RegistryLogin token = registry.login();
        mask.accept(token.password());
        for (EcrHost host : hosts) {
            docker.login(token.withHost(host.host()));
            progress.line("logged in to " + host.host() + " as " + token.username());
        }
    }
}
