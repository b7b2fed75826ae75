package dev.driftless.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftless.spec.DeploySpec;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code driftless matrix}: the environment × service matrix as JSON for {@code strategy.matrix}, so a
 * workflow fans large spec sets out over runners. Printed on stdout and set as the output {@code matrix}.
 */
@Command(name = "matrix", mixinStandardHelpOptions = true,
        description = "Print the environment × service matrix from the deploy-specs as JSON for a workflow's "
                + "strategy.matrix ({\"include\":[{application, specs, environment, service}...]}); "
                + "also the step output 'matrix'.")
public final class MatrixCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--per", paramLabel = "service|environment", defaultValue = "service",
            description = "One row per environment × service (default) or per environment.")
    Matrix.Per per;

    @Option(names = "--scheduled", description = "Only environments that have a schedule (for the schedule workflow).")
    boolean scheduled;

    private final CommandContext ctx;

    public MatrixCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        List<DeploySpec> specs = Specs.load(common, ctx);
        List<Map<String, String>> rows = Matrix.rows(specs, per, common.environment(ctx.actions()),
                common.services(ctx.actions()), scheduled);
        String json = new ObjectMapper().writeValueAsString(Map.of("include", rows));
        ctx.out().println(json);
        ctx.out().flush();
        ctx.err().println("matrix: " + rows.size() + " row" + (rows.size() == 1 ? "" : "s") + " (one per "
                + (per == Matrix.Per.service ? "environment × service" : "environment") + ")");
        ctx.actions().outputs().set("matrix", json);
        return ExitCode.OK;
    }
}
