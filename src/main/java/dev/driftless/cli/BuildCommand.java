package dev.driftless.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.driftless.DriftlessException;
import dev.driftless.aws.AwsClients;
import dev.driftless.aws.EcrRegistry;
import dev.driftless.engine.build.ImageBuild;
import dev.driftless.engine.build.ImageTags;
import dev.driftless.engine.build.LifecyclePolicy;
import dev.driftless.engine.build.RepositoryEncryption;
import dev.driftless.engine.build.RepositorySettings;
import dev.driftless.engine.build.ScanGate;
import dev.driftless.exec.DockerCli;
import dev.driftless.exec.ProcessRunner;
import dev.driftless.exec.Redactor;
import dev.driftless.render.BuildReport;
import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.EnvironmentSpec;
import dev.driftless.spec.ImageSpec;
import dev.driftless.spec.ServiceView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code driftless build}: ECR repositories, image build and push by digest, scan gate; output {@code images}. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build each service's image, push it to ECR, wait for the scan and gate on its findings. "
                + "Outputs 'images': JSON service -> repository@sha256:digest, which 'deploy --images' takes.")
public final class BuildCommand implements Callable<Integer> {
    private static final Duration SCAN_POLL = Duration.ofSeconds(10);

    @Mixin
    CommonOptions common;

    @Option(names = "--image-tag", paramLabel = "TAG", description = "Tag images with this instead of the git sha (GITHUB_SHA).")
    String imageTag;

    @Option(names = "--no-push", description = "Build only; nothing is pushed or scanned, and 'images' names tags, not digests.")
    boolean noPush;

    @Option(names = "--skip-scan-gate", description = "Do not wait for or gate on ECR's scan (the summary says so).")
    boolean skipScanGate;

    @Option(names = "--registry", paramLabel = "HOST",
            description = "Push to this registry host instead of the ECR host from the login token (env DRIFTLESS_REGISTRY).")
    String registry;

    @Option(names = "--scan-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to wait for a scan (default 10m).")
    Duration scanTimeout;

    @Option(names = "--workdir", paramLabel = "DIR", description = "The repository root build contexts are relative to (default: .).")
    Path workdir;

    // the running command line, so a usage error names the full command
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec command;

    private final CommandContext ctx;

    BuildCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Mixin
    TrackerOptions tracker;

    @Override
    public Integer call() throws Exception {
        java.time.Instant started = ctx.clock().instant();
        List<DeploySpec> specs = Specs.load(common, ctx);
        DeploySpec spec = Specs.single(specs, common);
        EnvironmentSpec env = Specs.environment(spec, common, ctx);
        Map<String, ServiceView> services = Specs.services(spec, env, common, ctx);
        boolean dryRun = common.dryRun(ctx.actions());
        boolean push = !(noPush || ctx.actions().booleanInput("no-push").orElse(false));
        boolean gate = push && !(skipScanGate || ctx.actions().booleanInput("skip-scan-gate").orElse(false));
        ImageBuild.Options options = new ImageBuild.Options(tag(), ImageTags.forRef(ctx.actions().context().ref()),
                registryHost(), push, gate, dryRun, scanTimeout == null ? Duration.ofMinutes(10) : scanTimeout);

        Map<String, ImageSpec> images = new LinkedHashMap<>();
        Map<String, RepositorySettings> settings = new LinkedHashMap<>();
        Map<String, String> tags = new LinkedHashMap<>(spec.tags());
        tags.put("driftless:application", spec.name());
        services.forEach((name, view) -> {
            Map<String, ImageSpec> containers = new LinkedHashMap<>();
            containers.put(name, view.image());
            // a sidecar built from a repository is one more image, keyed service/sidecar in the images output
            view.sidecars().forEach((sidecar, s) -> {
                if (s.image() instanceof dev.driftless.spec.SidecarImage.Repository r) {
                    containers.put(name + "/" + sidecar, r.image());
                }
            });
            containers.forEach((key, image) -> {
                images.put(key, image);
                if (image != null) {
                    settings.putIfAbsent(image.repository(), new RepositorySettings(image.repository(), true,
                            image.immutableTags(), RepositoryEncryption.of(image), tags, LifecyclePolicy.from(image.lifecycle())));
                }
            });
        });
        List<ImageBuild.Job> jobs = ImageBuild.jobs(images, settings);
        if (jobs.isEmpty()) {
            ctx.err().println("no service in " + spec.name() + " has image.build; nothing to build");
            ctx.actions().outputs().set("images", "{}");
            return ExitCode.OK;
        }

        Redactor redactor = new Redactor();
        StepProgress progress = new StepProgress(ctx);
        Path root = workdir != null ? workdir : Path.of("").toAbsolutePath();
        ImageBuild.Result result;
        try (AwsClients aws = AwsClients.forEnvironment(spec, env.name(), ctx, common)) {
            aws.requireAccount();
            EcrRegistry registryAdapter = new EcrRegistry(aws.ecr());
            DockerCli docker = new DockerCli(new ProcessRunner(redactor), ctx.env(), root, progress::line);
            ScanGate scanGate = new ScanGate(registryAdapter, ctx.clock(), ctx.sleeper(), SCAN_POLL, progress::line);
            ImageBuild build = new ImageBuild(registryAdapter, docker, scanGate, secret -> {
                ctx.actions().commands().mask(secret);
                redactor.add(secret);
            }, progress, root);
            result = build.run(jobs, options);
        }

        ctx.actions().summary().append(BuildReport.markdown(spec.name(), env.name(), result));
        if (result.gateFailed()) {
            ctx.err().println(BuildReport.gateFailures(result));
            throw new DriftlessException("the scan gate stopped the build: " + BuildReport.gateHeadline(result),
                    "fix or upgrade the vulnerable packages and rebuild; --skip-scan-gate deploys anyway (the summary records it)");
        }
        if (!dryRun) {
            String json = imagesJson(result);
            ctx.actions().outputs().set("images", json);
            if (common.json()) {
                ctx.out().println(json);
            }
            if (push) {
                java.time.Instant finished = ctx.clock().instant();
                List<String> built = result.images().stream().flatMap(b -> b.job().services().stream()).toList();
                new TrackerStep(ctx).record(spec, new dev.driftless.tracker.RunOutcome.Built(finished, spec.name(), built,
                        Duration.between(started, finished)), tracker, false);
            }
        }
        return ExitCode.OK;
    }

    private String tag() {
        if (imageTag != null) {
            ImageTagOption.parse(imageTag, command.commandLine());
        }
        String t = imageTag != null ? imageTag
                : ctx.actions().input("image-tag").orElse(ctx.actions().context().sha());
        if (t == null) {
            throw new DriftlessException("no image tag: not in GitHub Actions (no GITHUB_SHA) and no --image-tag",
                    "pass --image-tag TAG (e.g. $(git rev-parse HEAD))");
        }
        return t;
    }

    private String registryHost() {
        String host = registry != null ? registry
                : ctx.actions().input("registry").orElse(ctx.actions().variable("DRIFTLESS_REGISTRY").orElse(null));
        return host == null ? null : host.replaceFirst("^https?://", "").replaceFirst("/+$", "");
    }

    private static String imagesJson(ImageBuild.Result result) {
        ObjectNode node = new ObjectMapper().createObjectNode();
        result.byService().forEach(node::put);
        return node.toString();
    }
}
