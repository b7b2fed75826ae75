package dev.driftless.engine.test;

import dev.driftless.engine.Progress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Runs the spec's test commands one after another (all of them, even after a failure), then reads the reports. */
public final class TestRun {
    private final CommandRunner runner;
    private final Progress progress;
    private final Consumer<String> output;
    private final Clock clock;

    /** @param output where the commands' own output goes (inside each command's group) */
    public TestRun(CommandRunner runner, Progress progress, Consumer<String> output, Clock clock) {
        this.runner = runner;
        this.progress = progress;
        this.output = output;
        this.clock = clock;
    }

    public record CommandResult(String command, String where, CommandRunner.Outcome outcome, Duration took) {
        public boolean ok() {
            return outcome.ok();
        }
    }

    /** @param reports null when the spec names no report glob */
    public record Result(List<CommandResult> commands, JUnitReports.Totals reports) {
        public Result {
            commands = List.copyOf(commands);
        }

        public boolean failed() {
            return commands.stream().anyMatch(c -> !c.ok()) || (reports != null && reports.failed() > 0);
        }
    }

    /**
     * @param reportsGlob relative to {@code base}, or null
     */
    public Result run(List<String> commands, Duration timeout, Path base, String reportsGlob) {
        List<CommandResult> results = new ArrayList<>();
        for (String command : commands) {
            progress.group(command);
            Instant start = clock.instant();
            CommandRunner.Outcome outcome;
            try {
                outcome = runner.run(command, timeout, output);
            } finally {
                progress.endGroup();
            }
            Duration took = Duration.between(start, clock.instant());
            results.add(new CommandResult(command, runner.where(), outcome, took));
            if (outcome.timedOut()) {
                progress.warning("'" + command + "' timed out after " + timeout.toMinutes() + "m and was stopped");
            } else if (!outcome.ok()) {
                progress.warning("'" + command + "' failed with exit code " + outcome.exitCode());
            }
        }
        JUnitReports.Totals totals = null;
        if (reportsGlob != null && !reportsGlob.isBlank()) {
            List<Path> files = JUnitReports.find(base, reportsGlob);
            if (files.isEmpty()) {
                progress.warning("no test reports match " + reportsGlob + " under " + base);
            }
            totals = JUnitReports.read(files);
        }
        return new Result(results, totals);
    }
}
