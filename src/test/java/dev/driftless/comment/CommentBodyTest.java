package dev.driftless.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommentBodyTest {

    @Test
    void sectionsAreReplacedInPlaceAndKeepTheirOrder() {
        String first = CommentBody.empty().with("plan-dev", "plan one", "").with("cost", "cost one", "").render();

        String second = CommentBody.parse(first).with("plan-dev", "plan two", "").render();

        assertThat(second).isEqualTo(CommentBody.MARKER + "\n"
                + "<!-- driftless:section:plan-dev -->\nplan two\n<!-- /driftless:section:plan-dev -->\n"
                + "<!-- driftless:section:cost -->\ncost one\n<!-- /driftless:section:cost -->\n");
        assertThat(CommentBody.isOurs(second)).isTrue();
        assertThat(CommentBody.parse(second).sections()).containsKeys("plan-dev", "cost");
    }

    @Test
    void anOversizedSectionIsCutBetweenBlocksToFitBesideTheOthers() {
        String other = "x".repeat(20_000);
        StringBuilder plan = new StringBuilder("summary\n\n");
        for (int i = 0; i < 200; i++) {
            plan.append("<details><summary>service ").append(i).append("</summary>\n\n").append("y".repeat(400))
                    .append("\n\n</details>\n\n");
        }

        String body = CommentBody.empty().with("cost", other, "").with("plan-dev", plan.toString(), "[full plan](https://run)")
                .render();

        assertThat(body.length()).isLessThanOrEqualTo(CommentBody.MAX_CHARS).isGreaterThan(CommentBody.MAX_CHARS - 1000);
        assertThat(body).contains(other).contains("[full plan](https://run)").contains("service 0");
        String section = CommentBody.parse(body).sections().get("plan-dev");
        assertThat(section.split("<details>", -1).length - 1).isEqualTo(section.split("</details>", -1).length - 1);
    }

    @Test
    void sectionNamesAreChecked() {
        assertThatThrownBy(() -> CommentBody.empty().with("no spaces", "x", "")).isInstanceOf(IllegalArgumentException.class);
    }
}
