package dev.driftless.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftless.DriftlessException;
import dev.driftless.engine.test.CommandRunner;
import dev.driftless.engine.test.JUnitReports;
import dev.driftless.engine.test.TestRun;
import dev.driftless.exec.ImageCommands;
import dev.driftless.exec.ProcessRunner;
import dev.driftless.exec.Redactor;
import dev.driftless.exec.ShellCommands;
import dev.driftless.render.TestReport;
import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.TestSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code driftless test}: the spec's test commands, one group each, then JUnit report counts in the summary. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Run the deploy-spec's test commands (on the runner, or inside each service's built image when "
                + "test.inImage is set), with a timeout each; read JUnit XML reports; exit 1 when any command or test fails.")
public final class TestCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--images", paramLabel = "JSON",
            description = "The 'images' output of build (service -> image), for test.inImage.")
    String images;

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
        ProcessRunner processes = new ProcessRunner(new Redactor());
        StepProgress progress = new StepProgress(ctx);
        List<TestRun.Result> results = new ArrayList<>();
        for (CommandRunner runner : runners(spec, test, services, root, processes)) {
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

    private List<CommandRunner> runners(DeploySpec spec, TestSpec test, List<String> services, Path root, ProcessRunner processes) {
        if (!test.inImage()) {
            Map<String, String> env = new HashMap<>(ctx.env());
            if (!services.isEmpty()) {
                // commands on the runner run once; they may narrow themselves to the chosen services
                env.put("DRIFTLESS_SERVICES", String.join(",", services));
            }
            return List.of(new ShellCommands(processes, env, root));
        }
        Map<String, String> byService = images();
        List<String> chosen = services.isEmpty() ? List.copyOf(spec.services().keySet()) : services;
        List<CommandRunner> runners = new ArrayList<>();
        for (String s : chosen) {
            String image = byService.get(s);
            if (image == null) {
                throw new DriftlessException("test.inImage is set but --images names no image for " + s,
                        "pass the 'images' output of 'driftless build' as --images (input 'images')");
            }
            runners.add(new ImageCommands(processes, ctx.env(), root, image));
        }
        return runners;
    }

    private Map<String, String> images() {
        String json = images != null ? images : ctx.actions().input("images").orElse(null);
        if (json == null) {
            throw new DriftlessException("test.inImage is set but no images were given",
                    "pass the 'images' output of 'driftless build' as --images (input 'images')");
        }
        try {
            JsonNode node = new ObjectMapper().readTree(json);
            Map<String, String> m = new HashMap<>();
            node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
            return m;
        } catch (JsonProcessingException e) {
            throw new DriftlessException("--images is not JSON: " + e.getOriginalMessage(),
                    "pass the 'images' output of 'driftless build' unchanged");
        }
    }
}
