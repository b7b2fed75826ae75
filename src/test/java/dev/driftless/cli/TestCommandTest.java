package dev.driftless.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCommandTest {
    @TempDir
    Path dir;

    private BuildRun run(String... extra) throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.createDirectories(repo.resolve("deploy-specs"));
        try (InputStream in = getClass().getResourceAsStream("/build-specs/app.yaml")) {
            Files.copy(in, repo.resolve("deploy-specs/app.yaml"));
        }
        Path sample = Path.of(getClass().getResource("/junit/TEST-api.xml").toURI());
        BuildRun run = new BuildRun(dir, Map.of("SAMPLE_REPORT", sample.toString(), "PATH", "/usr/local/bin:/usr/bin:/bin"));
        String[] args = new String[3 + extra.length];
        args[0] = "test";
        args[1] = "--specs=" + repo.resolve("deploy-specs");
        args[2] = "--workdir=" + repo;
        System.arraycopy(extra, 0, args, 3, extra.length);
        return run.run(() -> { }, args);
    }

    @Test
    void runsEveryCommandInItsOwnGroupReportsTheCountsAndFailsWhenOneFails() throws Exception {
        BuildRun run = run();

        assertThat(run.exit).as(run.err()).isEqualTo(1);
        // both commands ran, in order, each in its own group
        assertThat(run.out()).contains("::group::echo running unit tests; mkdir -p reports; cp \"$SAMPLE_REPORT\" reports/junit-api.xml")
                .contains("running unit tests")
                .contains("::group::echo integration tests failed >&2; exit 3")
                .contains("integration tests failed");
        assertThat(run.out().indexOf("running unit tests")).isLessThan(run.out().indexOf("integration tests failed"));
        assertThat(run.out()).contains("::warning::'echo integration tests failed >&2; exit 3' failed with exit code 3");
        assertThat(run.summary())
                .contains("| `echo integration tests failed >&2; exit 3` | runner | ❌ exit 3 |")
                .contains("✅ passed")
                .contains("**Tests:** 3 passed, 2 failed, 1 skipped (6 in 1 report file)")
                .contains("| `tests.test_orders.test_refund_rounding` | AssertionError: assert 10.01 == 10.0 |")
                .contains("| `tests.test_db.test_migrations_apply` | sqlalchemy.exc.OperationalError: could not connect to server |");
        assertThat(run.output("tests-passed")).isEqualTo("3");
        assertThat(run.output("tests-failed")).isEqualTo("2");
        assertThat(run.output("tests-skipped")).isEqualTo("1");
        assertThat(run.err()).contains("commands: 1 passed, 1 failed");
    }

    @Test
    void inImageWithoutImagesSaysWhatToPass() throws Exception {
        Path repo = dir.resolve("repo");
        BuildRun first = run();
        assertThat(first.exit).isEqualTo(1);
        Path spec = repo.resolve("deploy-specs/app.yaml");
        Files.writeString(spec, Files.readString(spec).replace("  timeout: 5m", "  timeout: 5m\n  inImage: true"));

        BuildRun run = new BuildRun(dir.resolve("repo"), Map.of("PATH", "/usr/bin:/bin"))
                .run(() -> { }, "test", "--specs=" + repo.resolve("deploy-specs"), "--workdir=" + repo);

        assertThat(run.exit).isEqualTo(1);
        assertThat(run.err()).contains("test.inImage is set but no images were given")
                .contains("pass the 'images' output of 'driftless build' as --images");
    }
}
