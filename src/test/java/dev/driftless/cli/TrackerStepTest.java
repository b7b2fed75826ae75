package dev.driftless.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftless.actions.ActionsRuntime;
import dev.driftless.engine.Sleeper;
import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.TrackerSpec;
import dev.driftless.tracker.RunOutcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackerStepTest {
    private static final String TRACKER = "## Current Status\n**Last Updated**: 2025-09-23\n**Infrastructure State**: ⏳ Planning\n";
    private static final RunOutcome STARTED = new RunOutcome.Scaled(Instant.parse("2026-11-25T16:30:00Z"), "durable-code",
            "dev", RunOutcome.Scaled.Action.STARTED, List.of("backend"), 2);

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void locallyUpdatesTheTrackerInTheWorkspace(@TempDir Path workspace) throws IOException {
        Path file = workspace.resolve("planning/PROGRESS_TRACKER.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, TRACKER);

        step(workspace).record(spec(), STARTED, new TrackerOptions(), false);

        assertThat(Files.readString(file)).contains("**Infrastructure State**: 🟢 durable-code dev: started, 1/2 services running");
        assertThat(err()).contains("tracker: updated planning/PROGRESS_TRACKER.md");
    }

    @Test
    void noTrackerAndDryRunLeaveTheFileAlone(@TempDir Path workspace) throws IOException {
        Path file = workspace.resolve("planning/PROGRESS_TRACKER.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, TRACKER);
        TrackerOptions skip = new TrackerOptions();
        skip.noTracker = true;

        step(workspace).record(spec(), STARTED, skip, false);
        step(workspace).record(spec(), STARTED, new TrackerOptions(), true);

        assertThat(Files.readString(file)).isEqualTo(TRACKER);
        assertThat(err()).contains("tracker: skipped (--no-tracker)").contains("would record this run");
    }

    @Test
    void aMissingTrackerIsAWarningNotAFailure(@TempDir Path workspace) {
        step(workspace).record(spec(), STARTED, new TrackerOptions(), false);

        assertThat(err()).contains("warning: tracker: planning/PROGRESS_TRACKER.md does not exist");
    }

    private TrackerStep step(Path workspace) {
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        Map<String, String> env = Map.of("GITHUB_WORKSPACE", workspace.toString());
        return new TrackerStep(new CommandContext(env, e, e, Clock.systemUTC(), Sleeper.REAL, new ActionsRuntime(env, e, e)));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static DeploySpec spec() {
        return new DeploySpec("deploy-specs/app.yaml", DeploySpec.API_VERSION, DeploySpec.KIND, "durable-code",
                "123456789012", "us-west-2", Map.of(), null, null,
                new TrackerSpec("planning/PROGRESS_TRACKER.md", null, Map.of(), 0), null, Map.of(), Map.of(), null, null, null);
    }
}
