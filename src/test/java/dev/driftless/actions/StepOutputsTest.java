package dev.driftless.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftless.DriftlessException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepOutputsTest {
    private static final Pattern ENTRY = Pattern.compile("(?s)([^\\n<]+)<<(ghadelimiter_[0-9a-f-]{36})\\n(.*?)\\n\\2\\n");

    @TempDir
    Path dir;

    @Test
    void writesEachOutputAsAHeredocWithItsOwnRandomDelimiter() throws Exception {
        Path file = dir.resolve("output");
        StepOutputs outputs = new StepOutputs(file, silent());

        outputs.set("has-changes", "true");
        outputs.set("plan", "line one\nline two: with %, colon\r\nand CRLF");

        String written = Files.readString(file);
        Matcher m = ENTRY.matcher(written);
        List<String[]> entries = new java.util.ArrayList<>();
        int end = 0;
        while (m.find()) {
            assertThat(m.start()).as("entries follow each other with nothing between").isEqualTo(end);
            entries.add(new String[] {m.group(1), m.group(2), m.group(3)});
            end = m.end();
        }
        assertThat(end).as("the whole file is heredoc entries").isEqualTo(written.length());
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0)[0]).isEqualTo("has-changes");
        assertThat(entries.get(0)[2]).isEqualTo("true");
        assertThat(entries.get(1)[0]).isEqualTo("plan");
        // values are written verbatim: the heredoc form needs no escaping
        assertThat(entries.get(1)[2]).isEqualTo("line one\nline two: with %, colon\r\nand CRLF");
        assertThat(entries.get(0)[1]).isNotEqualTo(entries.get(1)[1]);
    }

    @Test
    void delimitersAreFreshForEveryOutput() throws Exception {
        Path file = dir.resolve("output");
        StepOutputs outputs = new StepOutputs(file, silent());
        for (int i = 0; i < 20; i++) {
            outputs.set("o" + i, "v");
        }
        Set<String> delimiters = new HashSet<>();
        Matcher m = ENTRY.matcher(Files.readString(file));
        while (m.find()) {
            delimiters.add(m.group(2));
        }
        assertThat(delimiters).hasSize(20);
    }

    @Test
    void refusesAValueThatContainsItsDelimiter() {
        Path file = dir.resolve("output");
        StepOutputs outputs = new StepOutputs(file, silent(), () -> "ghadelimiter_fixed");

        assertThatThrownBy(() -> outputs.set("evil", "x\nghadelimiter_fixed\ninjected=1"))
                .isInstanceOf(DriftlessException.class)
                .hasMessageContaining("delimiter");
        assertThat(file).doesNotExist();
    }

    @Test
    void refusesANameThatContainsItsDelimiter() {
        StepOutputs outputs = new StepOutputs(dir.resolve("output"), silent(), () -> "ghadelimiter_fixed");

        assertThatThrownBy(() -> outputs.set("aghadelimiter_fixed", "v")).isInstanceOf(DriftlessException.class);
    }

    @Test
    void nullValueIsWrittenAsEmpty() throws Exception {
        Path file = dir.resolve("output");
        new StepOutputs(file, silent(), () -> "ghadelimiter_d").set("empty", null);

        assertThat(Files.readString(file)).isEqualTo("empty<<ghadelimiter_d\n\nghadelimiter_d\n");
    }

    @Test
    void withoutAFileOutputsArePrintedReadably() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        new StepOutputs(null, new PrintStream(console, true, StandardCharsets.UTF_8)).set("deployed", "true");

        assertThat(console.toString(StandardCharsets.UTF_8)).isEqualTo("output deployed: true" + System.lineSeparator());
    }

    @Test
    void aFileThatCannotBeWrittenIsAClearError() {
        StepOutputs outputs = new StepOutputs(dir.resolve("missing-dir").resolve("output"), silent());

        assertThatThrownBy(() -> outputs.set("a", "b"))
                .isInstanceOf(DriftlessException.class)
                .hasMessageContaining("cannot write step output a");
    }

    private static PrintStream silent() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
