package dev.driftless.tracker;

import static dev.driftless.tracker.TrackerFixtures.golden;
import static dev.driftless.tracker.TrackerFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The real tracker after each kind of run: exactly the owned lines change, every other byte stays. */
class TrackerUpdaterGoldenTest {
    private static final String FIXTURE = resource("PROGRESS_TRACKER.md");
    private final TrackerUpdater updater = new TrackerUpdater(ChecklistEvidence.withOverrides(Map.of()), 20);

    /** Lines driftless may write: anything else changing is a bug. */
    private static final List<Pattern> OWNED = List.of(
            Pattern.compile("^\\*\\*Last Updated\\*\\*: .*"),
            Pattern.compile("^\\*\\*Infrastructure State\\*\\*: .*"),
            Pattern.compile("^- \\*\\*(Build Time|Deploy Time|Rollback Time|Success Rate|Monthly Cost \\(24/7\\)"
                    + "|Monthly Cost \\(with scheduling\\)|Month-to-date Cost \\(actual\\))\\*\\*: .*"),
            Pattern.compile("^\\s*- \\[[ x]\\] .*"),
            Pattern.compile("^\\| PR\\d+ \\|.*"),
            Pattern.compile("^\\*\\*Status\\*\\*: .* \\| \\*\\*Completion\\*\\*: \\d+%.*"),
            Pattern.compile("^\\*\\*Total Completion\\*\\*: .*"),
            Pattern.compile("^\\[[□■]+\\] \\d+% Complete$"),
            Pattern.compile("^### \\d{4}-\\d{2}-\\d{2}$"),
            Pattern.compile("^- driftless: .*"),
            Pattern.compile("^## Deployment History$"),
            Pattern.compile("^<!-- driftless:.*-->$"),
            Pattern.compile("^\\| (Time \\(UTC\\)|\\d{4}-).*"),
            Pattern.compile("^\\|(---\\|)+$"),
            Pattern.compile("^---$"),
            Pattern.compile("^$"));

    static Stream<Arguments> runs() {
        return Stream.of(
                Arguments.of("after-deploy.md", List.of(TrackerFixtures.deployed())),
                Arguments.of("after-rollback.md", List.of(TrackerFixtures.deployed(), TrackerFixtures.rolledBack())),
                Arguments.of("after-stop.md", List.of(TrackerFixtures.stopped())),
                Arguments.of("after-stop-start.md", List.of(TrackerFixtures.stopped(), TrackerFixtures.started())),
                Arguments.of("after-cost.md", List.of(TrackerFixtures.costReported())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void matchesGoldenAndChangesOnlyOwnedLines(String goldenName, List<RunOutcome> outcomes) {
        String text = FIXTURE;
        for (RunOutcome o : outcomes) {
            TrackerEdit edit = updater.apply(text, o);
            assertThat(edit.warnings()).as("warnings on the complete tracker").isEmpty();
            text = edit.text();
        }

        assertThat(text).isEqualTo(golden(goldenName, text));
        LineDiff diff = LineDiff.of(FIXTURE, text);
        Predicate<String> owned = line -> OWNED.stream().anyMatch(p -> p.matcher(line).matches());
        assertThat(diff.removed()).as("lines removed or rewritten").allMatch(owned);
        assertThat(diff.added()).as("lines added or rewritten").allMatch(owned);
        // every line that is not owned is still there, in order, byte for byte (emoji included)
        List<String> unownedBefore = Stream.of(FIXTURE.split("\n", -1)).filter(owned.negate()).toList();
        List<String> unownedAfter = Stream.of(text.split("\n", -1)).filter(owned.negate()).toList();
        assertThat(unownedAfter).isEqualTo(unownedBefore);
    }

    @ParameterizedTest(name = "{0} twice")
    @MethodSource("runs")
    void applyingTheSameRunTwiceChangesNothingTheSecondTime(String goldenName, List<RunOutcome> outcomes) {
        String text = FIXTURE;
        for (RunOutcome o : outcomes) {
            text = updater.apply(text, o).text();
        }
        RunOutcome last = outcomes.get(outcomes.size() - 1);

        TrackerEdit again = updater.apply(text, last);

        assertThat(again.changed()).isFalse();
        assertThat(again.text()).isEqualTo(text);
    }
}
