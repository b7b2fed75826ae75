package dev.driftless.engine.build;

import dev.driftless.DriftlessException;
import dev.driftless.engine.Progress;
import dev.driftless.spec.ImageSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Builds, pushes and gates the images of a set of services: repositories first (idempotently), then one
 * build per distinct image, tags for the commit and the branch, the pushed digest, and the scan gate.
 */
public final class ImageBuild {
    private final ContainerRegistry registry;
    private final DockerEngine docker;
    private final ScanGate gate;
    private final Consumer<String> mask;
    private final Progress progress;
    private final Path workdir;

    /**
     * @param mask called with every secret before anything could print it (the Actions mask and our redactor)
     */
    public ImageBuild(ContainerRegistry registry, DockerEngine docker, ScanGate gate, Consumer<String> mask,
            Progress progress, Path workdir) {
        this.registry = registry;
        this.docker = docker;
        this.gate = gate;
        this.mask = mask;
        this.progress = progress;
        this.workdir = workdir;
    }

    /** One image to build, and the services that run it. */
    public record Job(String repository, ImageSpec.BuildSpec build, List<String> services, Severity failOn,
            RepositorySettings settings) {
        public Job {
            services = List.copyOf(services);
        }
    }

    /**
     * @param tag the primary tag (the git sha, or --image-tag)
     * @param branchTag a moving tag for the branch, or null
     * @param registryHost where to push instead of the ECR host from the token, or null
     */
    public record Options(String tag, String branchTag, String registryHost, boolean push, boolean scanGate,
            boolean dryRun, Duration scanTimeout) {
    }

    /**
     * @param image {@code host/repository}
     * @param digest the pushed digest, or null when nothing was pushed
     * @param reused the tag already existed in an immutable repository, so nothing was rebuilt
     * @param verdict the scan gate's verdict, or null when it did not run
     */
    public record Built(Job job, String image, List<String> tags, String digest, boolean reused, ScanGate.Verdict verdict) {
        /** What deploys use: by digest when pushed, else by the primary tag. */
        public String reference() {
            return digest != null ? image + "@" + digest : image + ":" + tags.get(0);
        }

        public boolean gateFailed() {
            return verdict instanceof ScanGate.Verdict.Failed || verdict instanceof ScanGate.Verdict.Incomplete;
        }
    }

    public record Result(List<RepositoryReconciler.Outcome> repositories, List<Built> images, Options options) {
        public Result {
            repositories = List.copyOf(repositories);
            images = List.copyOf(images);
        }

        /** service → image reference, in spec order. */
        public Map<String, String> byService() {
            Map<String, String> m = new LinkedHashMap<>();
            for (Built b : images) {
                b.job().services().forEach(s -> m.put(s, b.reference()));
            }
            return m;
        }

        public boolean gateFailed() {
            return images.stream().anyMatch(Built::gateFailed);
        }
    }

    /** Groups services by image: services that share a repository and build it once. */
    public static List<Job> jobs(Map<String, ImageSpec> images, Map<String, RepositorySettings> settings) {
        Map<String, Job> byRepo = new LinkedHashMap<>();
        List<String> conflicts = new ArrayList<>();
        images.forEach((service, image) -> {
            if (image == null || image.build() == null) {
                return;
            }
            Job existing = byRepo.get(image.repository());
            if (existing == null) {
                byRepo.put(image.repository(), new Job(image.repository(), image.build(), List.of(service),
                        Severity.threshold(image.scan().failOn()), settings.get(image.repository())));
            } else if (!existing.build().equals(image.build())) {
                conflicts.add("services " + existing.services().get(0) + " and " + service + " share repository "
                        + image.repository() + " but build it differently");
            } else {
                List<String> services = new ArrayList<>(existing.services());
                services.add(service);
                Severity stricter = Severity.threshold(image.scan().failOn()).ordinal() > existing.failOn().ordinal()
                        ? Severity.threshold(image.scan().failOn()) : existing.failOn();
                byRepo.put(image.repository(), new Job(existing.repository(), existing.build(), services, stricter,
                        existing.settings()));
            }
        });
        if (!conflicts.isEmpty()) {
            throw new DriftlessException(String.join("; ", conflicts),
                    "give each a repository of its own, or the same image.build settings");
        }
        return List.copyOf(byRepo.values());
    }

    public Result run(List<Job> jobs, Options options) throws InterruptedException {
        checkInputs(jobs, options);
        progress.group("ECR repositories");
        List<RepositoryReconciler.Outcome> repos;
        try {
            repos = new RepositoryReconciler(registry).ensureAll(
                    jobs.stream().map(Job::settings).toList(), options.dryRun());
            for (RepositoryReconciler.Outcome o : repos) {
                progress.line(o.repository() + ": " + (o.changes().isEmpty() ? "in line with the spec"
                        : (options.dryRun() ? "would " : "") + String.join("; ", o.changes())));
            }
        } finally {
            progress.endGroup();
        }
        if (options.dryRun()) {
            List<Built> planned = new ArrayList<>();
            for (Job job : jobs) {
                String host = options.registryHost() != null ? options.registryHost() : "<ecr registry>";
                planned.add(new Built(job, host + "/" + job.repository(), tags(job, options), null, false, null));
            }
            return new Result(repos, planned, options);
        }
        String host = options.registryHost();
        if (options.push()) {
            RegistryLogin login = registry.login();
            mask.accept(login.password());
            host = host != null ? host : login.host();
            docker.login(login.withHost(host));
            progress.line("logged in to " + host + " as " + login.username());
        } else if (host == null) {
            host = registry.login().host();
        }
        List<Built> built = new ArrayList<>();
        for (Job job : jobs) {
            built.add(buildOne(job, host, options));
        }
        return new Result(repos, built, options);
    }

    private Built buildOne(Job job, String host, Options options) throws InterruptedException {
        String image = host + "/" + job.repository();
        List<String> tags = tags(job, options);
        progress.group("image " + image + " (" + String.join(", ", job.services()) + ")");
        try {
            if (options.push() && job.settings().immutableTags()) {
                Optional<String> existing = registry.digestOf(job.repository(), tags.get(0));
                if (existing.isPresent()) {
                    progress.line(image + ":" + tags.get(0) + " is already in the immutable repository as "
                            + existing.get() + "; reusing it instead of rebuilding");
                    return new Built(job, image, tags, existing.get(), true, gate(job, existing.get(), options));
                }
            }
            List<String> refs = tags.stream().map(t -> image + ":" + t).toList();
            progress.line((docker.hasBuildx() ? "docker buildx build" : "docker build") + " " + String.join(" ", refs));
            // resolved again right before docker reads them: a symlink swapped in since validation cannot lead outside
            Path context = insideRepository(contextDir(job), job.repository() + ": build context");
            Path dockerfile = insideRepository(dockerfile(job), job.repository() + ": Dockerfile");
            docker.build(context.toString(), dockerfile.toString(), job.build().args(), job.build().platform(), refs);
            if (!options.push()) {
                return new Built(job, image, tags, null, false, null);
            }
            String digest = null;
            for (String ref : refs) {
                String d = docker.push(ref);
                digest = digest == null ? d : digest;
            }
            progress.line("pushed " + image + "@" + digest);
            return new Built(job, image, tags, digest, false, gate(job, digest, options));
        } finally {
            progress.endGroup();
        }
    }

    private ScanGate.Verdict gate(Job job, String digest, Options options) throws InterruptedException {
        if (!options.scanGate()) {
            return null;
        }
        progress.line("waiting for the ECR scan (fails on " + job.failOn() + " or worse, up to "
                + ScanGate.human(options.scanTimeout()) + ")");
        ScanGate.Verdict v = gate.await(job.repository(), digest, job.failOn(), options.scanTimeout());
        if (v instanceof ScanGate.Verdict.Unscannable u) {
            progress.warning("ECR cannot scan " + job.repository() + "@" + digest + ": " + u.reason());
        }
        return v;
    }

    private static List<String> tags(Job job, Options options) {
        List<String> tags = new ArrayList<>(List.of(options.tag()));
        // an immutable repository refuses to move a tag, so a branch tag would fail the second push
        if (options.branchTag() != null && !options.branchTag().equals(options.tag()) && !job.settings().immutableTags()) {
            tags.add(options.branchTag());
        }
        return tags;
    }

    /** Every input problem at once, before the first change. */
    private void checkInputs(List<Job> jobs, Options options) {
        List<String> problems = new ArrayList<>();
        if (!ImageTags.valid(options.tag())) {
            problems.add("image tag '" + options.tag() + "' is not a valid Docker tag (letters, digits, _ . -; at most 128)");
        }
        for (Job job : jobs) {
            Path context = contextDir(job);
            if (Files.exists(context) && !staysInside(context)) {
                problems.add(job.repository() + ": build context " + context + " leads outside the repository through a symlink");
            } else if (!Files.isDirectory(context)) {
                problems.add(job.repository() + ": build context " + context + " is not a directory");
            } else if (!Files.isRegularFile(dockerfile(job))) {
                problems.add(job.repository() + ": no Dockerfile at " + dockerfile(job));
            }
        }
        if (!problems.isEmpty()) {
            throw new DriftlessException("cannot build: " + String.join("; ", problems),
                    "fix image.build (context and dockerfile are relative to the repository root), or --image-tag");
        }
    }

    private boolean staysInside(Path path) {
        try {
            return path.toRealPath().startsWith(workdir.toRealPath());
        } catch (java.io.IOException e) {
            return true; // reported by the existence checks
        }
    }

    /** {@code path} with every symlink followed; refused when that leaves the repository. */
    Path insideRepository(Path path, String what) {
        try {
            Path root = workdir.toRealPath();
            Path real = path.toRealPath();
            if (!real.startsWith(root)) {
                throw new DriftlessException(what + " " + path + " resolves to " + real + ", outside the repository " + root,
                        "point image.build at a directory inside the checkout (no symlink out of it)");
            }
            return real;
        } catch (java.io.IOException e) {
            throw new DriftlessException(what + " " + path + " cannot be resolved: " + e.getMessage(),
                    "check image.build (context and dockerfile are relative to the repository root)", e);
        }
    }

    private Path contextDir(Job job) {
        return workdir.resolve(job.build().context()).normalize();
    }

    /** Relative to the context, as docker compose reads it; a path from the repository root works too. */
    private Path dockerfile(Job job) {
        Path inContext = contextDir(job).resolve(job.build().dockerfile()).normalize();
        if (Files.isRegularFile(inContext)) {
            return inContext;
        }
        Path fromRoot = workdir.resolve(job.build().dockerfile()).normalize();
        return Files.isRegularFile(fromRoot) ? fromRoot : inContext;
    }
}
