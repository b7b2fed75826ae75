package dev.driftless.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftless.cli.DriftlessCommand;
import dev.driftless.testing.JarRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code driftless demo} from the packaged jar, in the repository root, as a newcomer runs it. */
class DemoIT {
    @TempDir
    Path scratch;

    @Test
    void theDemoRunsThePipelineAgainstItsOwnMotoAndExitsZero() throws Exception {
        Path dir = scratch.resolve("demo");

        JarRun.Result r = JarRun.of("demo", "--dir", dir.toString())
                .in(Path.of("").toAbsolutePath())
                .timeout(Duration.ofMinutes(5))
                .run();

        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stderr()).contains("✔ validate the deploy-specs").doesNotContain("✖");
        // every step whose command this build has ran (and passed); only absent commands are skipped
        Set<String> commands = DriftlessCommand.SUBCOMMANDS.keySet();
        Matcher skipped = Pattern.compile("skipped \\(no '([a-z]+)' command in this build\\)").matcher(r.stderr());
        while (skipped.find()) {
            assertThat(commands).as("the demo skipped a command the build has").doesNotContain(skipped.group(1));
        }
        // where things went
        assertThat(r.stdout()).contains("job summaries:").contains("progress tracker:");
        assertThat(dir.resolve("summaries/01-validate.md")).exists();
        assertThat(Files.readString(dir.resolve("logs/01-validate.log"))).contains("$ driftless validate");
        assertThat(dir.resolve("planning/deployment/PROGRESS_TRACKER.md")).exists();
        // the seeded tracker has every line docs/tracker.md promises, so no step warns about a missing one
        try (var logs = Files.list(dir.resolve("logs"))) {
            for (java.nio.file.Path log : logs.toList()) {
                assertThat(Files.readString(log)).as(log.toString()).doesNotContain("warning: tracker:");
            }
        }
        assertThat(Files.readString(dir.resolve("planning/deployment/PROGRESS_TRACKER.md"))).doesNotContain("**Last Updated**: never");
        // moto was stopped by its PID
        Matcher pid = Pattern.compile("moto pid (\\d+)").matcher(r.stderr());
        assertThat(pid.find()).as(r.describe()).isTrue();
        assertThat(ProcessHandle.of(Long.parseLong(pid.group(1))).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(r.stderr()).contains("demo: moto stopped");
    }

    @Test
    void aDirectoryTheDemoDidNotMakeIsNeverEmptied() throws Exception {
        Path dir = Files.createDirectories(scratch.resolve("mine"));
        Files.writeString(dir.resolve("keep.txt"), "precious");

        JarRun.Result r = JarRun.of("demo", "--dir", dir.toString()).in(Path.of("").toAbsolutePath()).run();

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).contains("was not made by the demo; not emptying it");
        assertThat(Files.readString(dir.resolve("keep.txt"))).isEqualTo("precious");
    }
}
