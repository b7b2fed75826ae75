package dev.driftless.cli;

import dev.driftless.DriftlessException;
import dev.driftless.actions.ActionsRuntime;
import dev.driftless.demo.DemoPipeline;
import dev.driftless.demo.DemoStep;
import dev.driftless.demo.DemoWorld;
import dev.driftless.demo.LocalMoto;
import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.EnvironmentSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code driftless demo}: the whole pipeline on the sample specs against a local moto the command starts
 * and stops itself. Each step runs as the workflow would run it (GITHUB_ACTIONS, a step summary and an
 * output file of its own) in a scratch workspace, so nothing in the repository changes.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole pipeline (validate, deploy, plan, schedule stop/start, stop, start, rollback, cost, "
                + "tracker) on the sample specs against a local AWS emulator (moto) that it starts and stops itself; "
                + "prints where each job summary and the updated progress tracker went.")
public final class DemoCommand implements Callable<Integer> {
    private static final String MARKER = ".driftless-demo";

    @Mixin
    CommonOptions common;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = ".driftless/demo",
            description = "Scratch workspace for the demo (default .driftless/demo; emptied first).")
    Path dir;

    private final CommandContext ctx;

    public DemoCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        List<DeploySpec> specs = Specs.load(common, ctx);
        DeploySpec spec = Specs.single(specs, common);
        EnvironmentSpec env = scheduledEnvironment(spec);
        Path workspace = prepare(dir.toAbsolutePath().normalize());
        PrintStream err = ctx.err();

        err.println("demo: starting moto (the AWS emulator) on a free loopback port …");
        try (LocalMoto moto = LocalMoto.start(workspace, ctx.clock(), ctx.sleeper(), Duration.ofSeconds(60))) {
            err.println("demo: moto pid " + moto.pid() + " at " + moto.endpoint() + " (log " + relative(moto.log()) + ")");
            DemoWorld world = new DemoWorld(moto, spec.region());
            DemoWorld.Network network = world.createNetwork();
            Path specFile = copySpec(spec, workspace, network);
            world.createClustersAndImages(spec, List.of("v1", "v2", "v3"));
            LocalDate today = LocalDate.now(ctx.clock().withZone(ZoneId.of("UTC")));
            world.injectMonthToDate(today.withDayOfMonth(1).toString(), today.toString(), Map.of(
                    "Amazon Elastic Container Service", "6.84", "Elastic Load Balancing", "12.40",
                    "Amazon EC2 Container Registry (ECR)", "0.21"));
            Path tracker = seedTracker(spec, workspace);
            err.println("demo: account " + DemoWorld.ACCOUNT + " ready: subnet " + network.subnet() + ", security group "
                    + network.securityGroup() + ", clusters, ECR repositories with images v1 v2 v3");

            String service = spec.services().keySet().iterator().next();
            List<DemoStep> steps = DemoPipeline.steps(specFile.toString(), env.name(), service,
                    env.schedule().timezone().getId(), today);
            Map<DemoStep, Integer> results = new LinkedHashMap<>();
            Set<String> available = availableCommands();
            for (DemoStep step : steps) {
                if (!available.contains(step.command())) {
                    err.println("  – " + step.title() + ": skipped (no '" + step.command() + "' command in this build)");
                    continue;
                }
                int code = run(step, workspace, world);
                results.put(step, code);
                String summary = relative(workspace.resolve("summaries").resolve(step.slug() + ".md"));
                err.println("  " + (code == 0 ? "✔" : "✖") + " " + step.title() + (code == 0 ? "" : " — exit " + code)
                        + "   summary: " + summary);
                if (code != 0) {
                    err.println(tail(workspace.resolve("logs").resolve(step.slug() + ".log")));
                    err.println("demo: stopped at a failed step; its log is " + relative(workspace.resolve("logs")
                            .resolve(step.slug() + ".log")));
                    return ExitCode.FAILURE;
                }
            }
            report(workspace, tracker, results, steps.size());
        }
        err.println("demo: moto stopped");
        return ExitCode.OK;
    }

    private int run(DemoStep step, Path workspace, DemoWorld world) throws IOException {
        Map<String, String> env = new LinkedHashMap<>(world.awsEnvironment());
        env.put("CI", "true");
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_WORKSPACE", workspace.toString());
        env.put("RUNNER_TEMP", workspace.toString());
        env.put("GITHUB_REPOSITORY", "local/driftless-demo");
        env.put("GITHUB_SHA", "d3m0d3m0d3m0d3m0d3m0d3m0d3m0d3m0d3m0d3m0".replace('m', 'a'));
        env.put("GITHUB_REF", "refs/heads/main");
        env.put("GITHUB_RUN_ID", "1");
        env.put("GITHUB_EVENT_NAME", step.event());
        env.put("GITHUB_STEP_SUMMARY", Files.createFile(workspace.resolve("summaries").resolve(step.slug() + ".md")).toString());
        env.put("GITHUB_OUTPUT", Files.createFile(workspace.resolve("outputs").resolve(step.slug() + ".txt")).toString());
        Path log = workspace.resolve("logs").resolve(step.slug() + ".log");
        try (PrintStream stream = new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8)) {
            stream.println("$ driftless " + String.join(" ", step.args()));
            return Main.run(step.args().toArray(String[]::new), new CommandContext(env, stream, stream, ctx.clock(),
                    ctx.sleeper(), new ActionsRuntime(env, stream, stream)));
        }
    }

    private void report(Path workspace, Path tracker, Map<DemoStep, Integer> results, int planned) {
        PrintStream out = ctx.out();
        out.println("driftless demo: " + results.size() + " of " + planned + " steps ran and passed against a local moto"
                + (results.size() == planned ? "" : "; " + (planned - results.size()) + " skipped (commands not in this build)"));
        out.println("  job summaries:     " + relative(workspace.resolve("summaries")) + "/  ("
                + results.keySet().stream().map(s -> s.slug() + ".md").collect(Collectors.joining(", ")) + ")");
        out.println("  step outputs:      " + relative(workspace.resolve("outputs")) + "/");
        out.println("  logs:              " + relative(workspace.resolve("logs")) + "/");
        out.println("  progress tracker:  " + relative(tracker));
        out.println("  specs used:        " + relative(workspace.resolve("deploy-specs")) + "/ (sample, network IDs from moto)");
        out.flush();
    }

    /** The environment with a schedule (the sample's dev), so stop and start have something to do. */
    private static EnvironmentSpec scheduledEnvironment(DeploySpec spec) {
        return spec.environments().values().stream().filter(e -> e.scheduleIfAny().isPresent()).findFirst()
                .orElseThrow(() -> new DriftlessException("the demo needs an environment with a schedule in " + spec.file(),
                        "run it on the sample: driftless demo --specs deploy-specs"));
    }

    private static Path prepare(Path workspace) throws IOException {
        if (Files.isDirectory(workspace)) {
            try (Stream<Path> entries = Files.list(workspace)) {
                if (entries.findAny().isPresent() && !Files.exists(workspace.resolve(MARKER))) {
                    throw new DriftlessException(workspace + " exists and was not made by the demo; not emptying it",
                            "pass --dir with a new or empty directory");
                }
            }
            try (Stream<Path> all = Files.walk(workspace)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    if (!p.equals(workspace)) {
                        Files.delete(p);
                    }
                }
            }
        }
        for (String sub : List.of("summaries", "outputs", "logs", "deploy-specs")) {
            Files.createDirectories(workspace.resolve(sub));
        }
        Files.writeString(workspace.resolve(MARKER), "made by driftless demo; emptied on every run\n");
        return workspace;
    }

    /**
     * The sample spec with moto's network IDs and without the environments' OIDC roles (locally the demo
     * signs with moto's test credentials, as the default credential chain would).
     */
    private static Path copySpec(DeploySpec spec, Path workspace, DemoWorld.Network network) throws IOException {
        Path source = Path.of(spec.file());
        String text = DemoWorld.withNetwork(Files.readString(source), network)
                .lines().filter(l -> !l.matches("\\s{4}role:\\s.*")).collect(Collectors.joining("\n", "", "\n"));
        Path target = workspace.resolve("deploy-specs").resolve(source.getFileName());
        Files.writeString(target, text);
        return target;
    }

    /** The repository's tracker when it has one (copied, never changed), else a small new one. */
    private static Path seedTracker(DeploySpec spec, Path workspace) throws IOException {
        String path = spec.tracker() == null || spec.tracker().path() == null
                ? "PROGRESS_TRACKER.md" : spec.tracker().path();
        Path target = workspace.resolve(path);
        Files.createDirectories(target.getParent());
        Path existing = Path.of(path);
        if (Files.isRegularFile(existing)) {
            Files.copy(existing, target);
        } else {
            // the lines docs/tracker.md says driftless updates, so every step records without a warning
            Files.writeString(target, "# " + spec.name() + " — progress tracker\n\n## Current Status\n\n"
                    + "**Last Updated**: never\n**Infrastructure State**: not deployed yet\n\n"
                    + "## Metrics and KPIs\n\n"
                    + "- **Build Time**: TBD\n- **Deploy Time**: TBD\n- **Rollback Time**: TBD\n- **Success Rate**: TBD\n"
                    + "- **Monthly Cost (24/7)**: TBD\n- **Monthly Cost (with scheduling)**: TBD\n\n## Change Log\n\n");
        }
        return target;
    }

    private static Set<String> availableCommands() {
        return DriftlessCommand.SUBCOMMANDS.keySet();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", new ArrayList<>(lines.subList(Math.max(0, lines.size() - 25), lines.size())));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static String relative(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        return p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString();
    }
}
