package dev.driftless.comment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TruncationTest {

    @ParameterizedTest(name = "{0} chars")
    @CsvSource({"1000", "300", "120", "60"})
    void fitsAndNeverLeavesABlockOpen(int max) {
        String md = "head line\n\n" + ("<details><summary>s</summary>\n\n" + "z".repeat(80) + "\n\n</details>\n").repeat(10);

        String cut = Truncation.fit(md, max, "[more](x)");

        assertThat(cut.length()).isLessThanOrEqualTo(max);
        int open = cut.split("<details>", -1).length - 1;
        int closed = cut.split("</details>", -1).length - 1;
        assertThat(open).isEqualTo(closed);
        assertThat(cut).endsWith("[more](x)\n");
    }

    @org.junit.jupiter.api.Test
    void textThatFitsIsUnchanged() {
        assertThat(Truncation.fit("short", 10, "note")).isEqualTo("short");
    }
}
