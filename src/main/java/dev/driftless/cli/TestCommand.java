package dev.driftless.cli;

import dev.driftless.DriftlessException;
import dev.driftless.aws.AwsClients;
import dev.driftless.aws.EcrRegistry;
import dev.driftless.engine.ImageSelection;
import dev.driftless.engine.build.EcrHost;
import dev.driftless.engine.test.CommandRunner;
import dev.driftless.engine.test.JUnitReports;
import dev.driftless.engine.test.PullLogin;
import dev.driftless.engine.test.TestRun;
import dev.driftless.exec.DockerCli;
import dev.driftless.exec.ImageCommands;
import dev.driftless.exec.ProcessRunner;
import dev.driftless.exec.Redactor;
import dev.driftless.exec.ShellCommands;
import dev.driftless.render.TestReport;
import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.EnvironmentSpec;
import dev.driftless.spec.TestSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code driftless test}: the spec's test commands, one group each, then JUnit report counts in the summary. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Run the deploy-spec's test commands (on the runner, or inside each service's built image when "
                + "test.inImage is set, after a docker login to their ECR registries with the run's AWS role), with a "
                + "timeout each; read JUnit XML reports; exit 1 when any command or test fails.")
public final class TestCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--images", paramLabel = "JSON",
            description = "The 'images' output of build (service -> image), for test.inImage. Images in ECR need "
                    + "--env (the environment the build used): its role logs docker in to their registries.")
    String images;

    // the running command line, so a malformed --images is a usage error naming the full command
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--workdir", paramLabel = "DIR", description = "Where commands run and report globs start (default: .).")
    Path workdir;

    private final CommandContext ctx;

    TestCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        DeploySpec spec = Specs.single(Specs.load(common, ctx), common);
        TestSpec test = spec.test();
        Map<String, String> given = givenImages();
        if (test.commands().isEmpty()) {
            ctx.err().println(spec.name() + " has no test.commands; nothing to run");
            return ExitCode.OK;
        }
        List<String> services = common.services(ctx.actions());
        for (String s : services) {
            if (!spec.services().containsKey(s)) {
                throw new DriftlessException("no service " + s + " in " + spec.name(), "choose one of " + spec.services().keySet());
            }
        }
        Path root = workdir != null ? workdir.toAbsolutePath() : Path.of("").toAbsolutePath();
        Redactor redactor = new Redactor();
        ProcessRunner processes = new ProcessRunner(redactor);
        StepProgress progress = new StepProgress(ctx);
        Map<String, String> underTest = test.inImage() ? imagesUnderTest(spec, services, given) : Map.of();
        loginToEcr(spec, PullLogin.hosts(underTest.values()), root, processes, redactor, progress);
        List<CommandRunner> runners = runners(test, services, root, processes, underTest);
        List<TestRun.Result> results = new ArrayList<>();
        for (CommandRunner runner : runners) {
            TestRun run = new TestRun(runner, progress, line -> {
                ctx.out().println(line);
                ctx.out().flush();
            }, ctx.clock());
            results.add(run.run(test.commands(), test.timeout(), root, test.reports()));
        }
        ctx.actions().summary().append(TestReport.markdown(spec.name(), results));
        int failedCommands = (int) results.stream().flatMap(r -> r.commands().stream()).filter(c -> !c.ok()).count();
        JUnitReports.Totals totals = TestReport.totals(results);
        if (totals != null) {
            ctx.actions().outputs().set("tests-passed", String.valueOf(totals.passed()));
            ctx.actions().outputs().set("tests-failed", String.valueOf(totals.failed()));
            ctx.actions().outputs().set("tests-skipped", String.valueOf(totals.skipped()));
            ctx.err().println("tests: " + totals.passed() + " passed, " + totals.failed() + " failed, "
                    + totals.skipped() + " skipped (" + totals.files() + " report file(s))");
        }
        ctx.err().println("commands: " + (results.stream().mapToInt(r -> r.commands().size()).sum() - failedCommands)
                + " passed, " + failedCommands + " failed");
        return results.stream().anyMatch(TestRun.Result::failed) ? ExitCode.FAILURE : ExitCode.OK;
    }

    private List<CommandRunner> runners(TestSpec test, List<String> services, Path root, ProcessRunner processes,
            Map<String, String> underTest) {
        if (!test.inImage()) {
            Map<String, String> env = new HashMap<>(ctx.env());
            if (!services.isEmpty()) {
                // commands on the runner run once; they may narrow themselves to the chosen services
                env.put("DRIFTLESS_SERVICES", String.join(",", services));
            }
            return List.of(new ShellCommands(processes, env, root));
        }
        return underTest.values().stream()
                .<CommandRunner>map(image -> new ImageCommands(processes, ctx.env(), root, image)).toList();
    }

    /** service → image for each chosen service, in spec order; every one must have an image. */
    private Map<String, String> imagesUnderTest(DeploySpec spec, List<String> services, Map<String, String> given) {
        if (given == null) {
            throw new DriftlessException("test.inImage is set but no images were given",
                    "pass the 'images' output of 'driftless build' as --images (input 'images')");
        }
        List<String> chosen = services.isEmpty() ? List.copyOf(spec.services().keySet()) : services;
        Map<String, String> underTest = new LinkedHashMap<>();
        for (String s : chosen) {
            String image = given.get(s);
            if (image == null) {
                throw new DriftlessException("test.inImage is set but --images names no image for " + s,
                        "pass the 'images' output of 'driftless build' as --images (input 'images')");
            }
            underTest.put(s, image);
        }
        return underTest;
    }

    /** --images, checked like deploy checks it; null when not given. */
    private Map<String, String> givenImages() {
        String json = ImagesOption.given(images, ctx);
        return json == null ? null : new ImageSelection(ImagesOption.parse(json, command.commandLine()), null).byService();
    }

    /**
     * A pull from ECR needs a docker login, with a token from the environment's role (as build got the
     * images pushed); so --env is needed exactly when an image is in ECR.
     */
    private void loginToEcr(DeploySpec spec, List<EcrHost> hosts, Path root, ProcessRunner processes, Redactor redactor,
            StepProgress progress) {
        if (hosts.isEmpty()) {
            return;
        }
        if (common.environment(ctx.actions()).isEmpty()) {
            throw new DriftlessException("test.inImage pulls from ECR (" + hosts.get(0).host() + "), which needs AWS "
                    + "credentials, but no environment was given; " + spec.name() + " has "
                    + String.join(", ", spec.environments().keySet()),
                    "pass --env NAME (input 'environment'): the environment the build used, whose role may pull the images");
        }
        EnvironmentSpec env = Specs.environment(spec, common, ctx);
        try (AwsClients aws = AwsClients.forEnvironment(spec, env.name(), ctx, common)) {
            aws.requireAccount();
            DockerCli docker = new DockerCli(processes, ctx.env(), root, progress::line);
            new PullLogin(new EcrRegistry(aws.ecr()), docker, secret -> {
                ctx.actions().commands().mask(secret);
                redactor.add(secret);
            }, progress).login(hosts, aws.region());
        }
    }
}
