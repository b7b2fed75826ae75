package dev.driftless.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarkdownTableTest {

    @org.junit.jupiter.api.Test
    void rendersHeaderAlignmentAndRows() {
        String md = new MarkdownTable("Service", "Monthly").alignRight(1).row("backend", "$4.10").row("frontend").render();

        assertThat(md).isEqualTo("| Service | Monthly |\n|---|---:|\n| backend | $4.10 |\n| frontend |  |\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "a|b;a\\|b",
        "already \\| escaped;already \\| escaped",
        "two\\nlines;two<br>lines",
    })
    void escapesCells(String cell, String expected) {
        assertThat(MarkdownTable.escape(cell.replace("\\n", "\n"))).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void codeSurvivesBackticks() {
        assertThat(MarkdownTable.code("x")).isEqualTo("`x`");
        assertThat(MarkdownTable.code("a`b")).isEqualTo("``a`b``");
        assertThat(MarkdownTable.code("`a")).isEqualTo("`` `a ``");
    }
}
