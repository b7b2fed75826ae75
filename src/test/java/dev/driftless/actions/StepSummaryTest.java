package dev.driftless.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepSummaryTest {
    @TempDir
    Path dir;

    @Test
    void appendsMarkdownEndingEachPieceWithANewline() throws Exception {
        Path file = dir.resolve("summary");
        StepSummary summary = new StepSummary(file, silent());

        summary.append("## Plan");
        summary.append("| a | b |\n");

        assertThat(Files.readString(file)).isEqualTo("## Plan\n| a | b |\n");
        assertThat(summary.writesFile()).isTrue();
    }

    @Test
    void staysUnderGithubsOneMebibyteLimitAndSaysSo() throws Exception {
        Path file = dir.resolve("summary");
        StepSummary summary = new StepSummary(file, silent());
        String chunk = "x".repeat(100_000);

        for (int i = 0; i < 12; i++) {
            summary.append(chunk);
        }

        assertThat(Files.size(file)).isLessThanOrEqualTo(StepSummary.MAX_BYTES);
        assertThat(Files.readString(file)).contains("reached GitHub's 1 MiB limit");
    }

    @Test
    void withoutAFileTheMarkdownIsPrinted() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StepSummary summary = new StepSummary(null, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        summary.append("## Plan");

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("## Plan\n");
        assertThat(summary.writesFile()).isFalse();
    }

    private static PrintStream silent() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
