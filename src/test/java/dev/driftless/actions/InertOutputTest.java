package dev.driftless.actions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InertOutputTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream raw = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "plain text                        | plain text",
        "a :: in the middle                | a :: in the middle",
        "::warning::pwned                  | %3A:warning::pwned",
        "\"   ::add-mask::x\"                | \"   %3A:add-mask::x\"",
        "::stop-commands::tok              | %3A:stop-commands::tok",
        "x ##[warning]legacy anywhere      | x ##%5Bwarning]legacy anywhere",
        "##[add-mask]x                     | ##%5Badd-mask]x",
    })
    void linesThatWouldParseAsCommandsAreRewritten(String line, String shown) {
        PrintStream inert = InertOutput.wrap(raw, true);
        inert.println(line);
        assertThat(lines()).containsExactly(shown);
    }

    @Test
    void charactersTheRunnersComparisonSkipsDoNotHideACommand() {
        PrintStream inert = InertOutput.wrap(raw, true);
        inert.println("\u200B::warning::zero width space");
        inert.println("\u00A0::warning::no-break space (.NET trims it)");
        inert.println(":\uFE0F:warning::variation selector");
        inert.println("#\u200D#[warning]joiner");
        inert.println("\u001B[31m::error::after an escape sequence");
        assertThat(lines()).allSatisfy(l -> {
            assertThat(stripForRunner(l)).doesNotStartWith("::");
            assertThat(l.replaceAll("\\p{C}|\\p{M}", "")).doesNotContain("##[");
        });
    }

    @Test
    void everyLineBreakOfOneMessageStartsANewCheckedLine() {
        PrintStream inert = InertOutput.wrap(raw, true);
        inert.println("error: cluster 'x\n::warning file=/etc/passwd::pwned\r::add-mask::x\r\n::endgroup::' is bad");
        assertThat(lines()).containsExactly("error: cluster 'x", "%3A:warning file=/etc/passwd::pwned",
                "%3A:add-mask::x", "%3A:endgroup::' is bad");
    }

    @Test
    void aCommandSplitAcrossFlushesIsStillCaught() {
        PrintStream inert = InertOutput.wrap(raw, true);
        inert.print(":");
        inert.flush();
        inert.print(":warning::split");
        inert.flush();
        inert.print(" and #");
        inert.flush();
        inert.print("#[error]split legacy");
        inert.println();
        assertThat(lines()).containsExactly("%3A:warning::split and ##%5Berror]split legacy");
    }

    @Test
    void aFlushedHarmlessStartIsWrittenAtOnceAndAnUnfinishedLineAtTheEnd() {
        PrintStream inert = InertOutput.wrap(raw, true);
        inert.print("waiting for backend");
        inert.flush();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("waiting for backend");
        inert.print(" ... ::");
        inert.flush();
        inert.print(":");
        InertOutput.finish(inert);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("waiting for backend ... :::");
    }

    @Test
    void multiByteCharactersSurviveFlushesInsideThem() {
        PrintStream inert = InertOutput.wrap(raw, true);
        byte[] euro = "€ ✅ ok".getBytes(StandardCharsets.UTF_8);
        inert.write(euro, 0, 1);
        inert.flush();
        inert.write(euro, 1, euro.length - 1);
        inert.println();
        assertThat(lines()).containsExactly("€ ✅ ok");
    }

    @Test
    void outsideActionsTheStreamIsUntouched() {
        assertThat(InertOutput.wrap(raw, false)).isSameAs(raw);
        PrintStream once = InertOutput.wrap(raw, true);
        assertThat(InertOutput.wrap(once, true)).as("wrapping twice is harmless").isSameAs(once);
    }

    private List<String> lines() {
        return List.of(bytes.toString(StandardCharsets.UTF_8).split("\r\n|\r|\n", -1)).subList(0,
                bytes.toString(StandardCharsets.UTF_8).split("\r\n|\r|\n", -1).length - 1);
    }

    /** What the runner's TrimStart and culture-aware StartsWith would look at. */
    static String stripForRunner(String line) {
        String visible = line.replaceAll("[\\p{Cc}\\p{Cf}\\p{M}\\p{Cn}\\p{Co}]", "");
        return visible.replaceFirst("^[\\s\\p{Z}\\u0085]+", "");
    }
}
