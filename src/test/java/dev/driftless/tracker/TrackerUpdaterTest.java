package dev.driftless.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrackerUpdaterTest {
    private final TrackerUpdater updater = new TrackerUpdater(ChecklistEvidence.withOverrides(Map.of()), 20);

    @Test
    void aTrackerMissingSectionsIsUpdatedWhereItCanBeAndWarnsAboutTheRest() {
        String partial = "# Notes\r\n\r\n## Current Status\r\n**Last Updated**: 2025-01-01\r\nfree text 🚀\r\n\r\n"
                + "## Checklist\r\n- [ ] Backend ECS service deployed\r\n- [ ] something else";

        TrackerEdit edit = updater.apply(partial, TrackerFixtures.deployed());

        assertThat(edit.text())
                .startsWith("# Notes\r\n\r\n## Current Status\r\n**Last Updated**: 2026-11-25\r\nfree text 🚀\r\n\r\n")
                .contains("- [x] Backend ECS service deployed\r\n- [ ] something else")
                .contains("<!-- driftless:history:end -->");
        assertThat(edit.warnings()).anySatisfy(w -> assertThat(w).contains("Infrastructure State"))
                .anySatisfy(w -> assertThat(w).contains("Metrics and KPIs"))
                .anySatisfy(w -> assertThat(w).contains("Change Log"));
        // nothing of the team's text was lost, and the CRLF endings stayed CRLF
        assertThat(edit.text().replace("\r\n", "")).doesNotContain("\n");
        assertThat(updater.apply(edit.text(), TrackerFixtures.deployed()).changed()).isFalse();
    }

    @Test
    void anEmptyTrackerGetsOnlyTheHistoryBlock() {
        TrackerEdit edit = updater.apply("", TrackerFixtures.stopped());

        assertThat(edit.text()).startsWith("## Deployment History\n<!-- driftless:history:start");
        assertThat(edit.warnings()).hasSize(2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "⏳ Planning phase - Terraform not yet initialized | 🟢 app dev: x deployed",
        "🟢 app dev: old                                   | 🟢 app dev: x deployed",
        "🟢 app prod: y deployed                           | 🟢 app dev: x deployed; 🟢 app prod: y deployed",
        "🟢 app prod: y deployed; ⏸️ app dev: stopped     | 🟢 app dev: x deployed; 🟢 app prod: y deployed",
        "🟢 other dev: z deployed                          | 🟢 app dev: x deployed; 🟢 other dev: z deployed",
    })
    void stateKeepsOneSegmentPerApplicationAndEnvironment(String current, String expected) {
        assertThat(CurrentStatus.merge(current, "app", "dev", "🟢 app dev: x deployed")).isEqualTo(expected);
    }

    @Test
    void prodSegmentSurvivesADevDeploy() {
        String merged = CurrentStatus.merge("🟢 app prod: y deployed, 2/2 services healthy", "app", "dev", "🔴 app dev: x deploy failed");

        assertThat(merged).isEqualTo("🔴 app dev: x deploy failed; 🟢 app prod: y deployed, 2/2 services healthy");
    }

    @Test
    void historyIsReadBackForRollbackTargets() {
        String text = updater.apply(TrackerFixtures.resource("PROGRESS_TRACKER.md"), TrackerFixtures.deployed()).text();
        text = updater.apply(text, TrackerFixtures.rolledBack()).text();

        List<HistoryEntry> entries = HistoryBlock.parse(text).entries();

        assertThat(entries).extracting(HistoryEntry::service, HistoryEntry::kind, HistoryEntry::taskDefinition)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("backend", "rollback",
                                "arn:aws:ecs:us-west-2:123456789012:task-definition/durable-code-dev-backend:6"),
                        org.assertj.core.groups.Tuple.tuple("backend", "deploy",
                                "arn:aws:ecs:us-west-2:123456789012:task-definition/durable-code-dev-backend:7"),
                        org.assertj.core.groups.Tuple.tuple("frontend", "deploy",
                                "arn:aws:ecs:us-west-2:123456789012:task-definition/durable-code-dev-frontend:4"));
        assertThat(entries.get(1).image()).endsWith("@sha256:1111111111111111111111111111111111111111111111111111111111111111");
        assertThat(entries.get(1).gitSha()).isEqualTo("abc1234def5678");
        assertThat(entries.get(1).duration()).isEqualTo(Duration.ofSeconds(252));
    }

    @Test
    void historyKeepsTheNewestEntriesOnly() {
        TrackerUpdater small = new TrackerUpdater(ChecklistEvidence.withOverrides(Map.of()), 3);
        String text = "";
        for (int i = 0; i < 5; i++) {
            Instant at = Instant.parse("2026-11-0" + (i + 1) + "T10:00:00Z");
            text = small.apply(text, new RunOutcome.Deployed(at, "app", "dev", "sha" + i, false,
                    List.of(new RunOutcome.ServiceResult("api", "td:" + i, "img" + i, i != 3, Duration.ofMinutes(2))),
                    i != 3 ? 1 : 0, 1, Duration.ofMinutes(2))).text();
        }

        List<HistoryEntry> entries = HistoryBlock.parse(text).entries();

        assertThat(entries).extracting(HistoryEntry::taskDefinition).containsExactly("td:4", "td:3", "td:2");
        assertThat(entries.get(1).result()).isEqualTo("failed");
    }

    @Test
    void theHistoryNamesTheStrategyAndWhereItsServiceDeploymentEnded() {
        TrackerUpdater updater = new TrackerUpdater(ChecklistEvidence.withOverrides(Map.of()), 5);
        Instant at = Instant.parse("2026-11-05T10:00:00Z");
        String text = updater.apply("", new RunOutcome.Deployed(at, "app", "dev", "sha1", false, List.of(
                new RunOutcome.ServiceResult("web", "td:7", "img:7", false, Duration.ofMinutes(9),
                        "canary 10% for 5m, then all — rolled back in BAKE_TIME"),
                new RunOutcome.ServiceResult("api", "td:3", "img:3", true, Duration.ofMinutes(2))),
                1, 2, Duration.ofMinutes(9))).text();

        List<HistoryEntry> entries = HistoryBlock.parse(text).entries();

        assertThat(entries).extracting(HistoryEntry::service, HistoryEntry::result).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("web", "failed (canary 10% for 5m, then all — rolled back in BAKE_TIME)"),
                org.assertj.core.groups.Tuple.tuple("api", "success"));
        assertThat(new HistoryEntry(at, "dev", "web", "deploy", null, null, null, "success (blue-green — SUCCESSFUL)", null)
                .success()).isTrue();
    }

    @Test
    void successRateCountsTheRecordedHistory() {
        HistoryBlock history = new HistoryBlock(List.of(
                new HistoryEntry(Instant.EPOCH, "dev", "a", "deploy", null, null, null, "success", null),
                new HistoryEntry(Instant.EPOCH.plusSeconds(1), "dev", "a", "deploy", null, null, null, "failed", null),
                new HistoryEntry(Instant.EPOCH.plusSeconds(2), "dev", "a", "rollback", null, null, null, "success", null)),
                java.util.Set.of());

        assertThat(OutcomeWording.successRate(history)).isEqualTo("67% of 3 recorded runs");
    }

    @Test
    void theSpecsMappingAddsAndRemovesChecklistEvidence() {
        ChecklistEvidence mapping = ChecklistEvidence.withOverrides(Map.of(
                "Health checks passing", "",
                "**Our own item**", "deployed:backend+stopped"));

        assertThat(mapping.proves("Health checks passing", java.util.Set.of("deployed"))).isFalse();
        assertThat(mapping.proves("our own item", java.util.Set.of("deployed:backend"))).isFalse();
        assertThat(mapping.proves("Our own item", java.util.Set.of("deployed:backend", "stopped"))).isTrue();
        assertThat(mapping.proves("Backend ECS service deployed", java.util.Set.of("deployed:backend"))).isTrue();
    }

    @Test
    void historyShowsShortNamesWithTheFullValuesInTheirTitlesAndReadsOlderRowsBack() {
        String old = "## Deployment History\n" + HistoryBlock.START + "\n<!-- driftless:evidence deployed -->\n"
                + "| Time (UTC) | Environment | Service | Kind | Task definition | Image | Git SHA | Result | Duration |\n"
                + "|---|---|---|---|---|---|---|---|---|\n"
                + "| 2026-11-20T10:00:00.123456789Z | dev | backend | deploy | arn:aws:ecs:us-west-2:123456789012:task-definition/"
                + "durable-code-dev-backend:5 | 123456789012.dkr.ecr.us-west-2.amazonaws.com/durable-code-backend:v5 | 0123abc | success | 3m |\n"
                + "| 2026-11-19T09:30Z | dev | backend | deploy | arn:aws:ecs:us-west-2:123456789012:task-definition/"
                + "durable-code-dev-backend:4 | 123456789012.dkr.ecr.us-west-2.amazonaws.com/durable-code-backend:v4 | 0123abc | success | 2m |\n"
                + HistoryBlock.END + "\n\n## Change Log\n";

        TrackerEdit edit = updater.apply(old, TrackerFixtures.deployed());

        assertThat(edit.text()).contains("| 2026-11-25T16:04:11Z | dev | backend | deploy | <span title=\"arn:aws:ecs:us-west-2:"
                + "123456789012:task-definition/durable-code-dev-backend:7\">durable-code-dev-backend:7</span> | <span title=\""
                + "123456789012.dkr.ecr.us-west-2.amazonaws.com/durable-code-backend@sha256:1111111111111111111111111111111111111111111111111111111111111111\">"
                + "durable-code-backend@sha256:111111111111</span> |");
        // the row an older driftless wrote (nanoseconds, full values) now reads like the others
        assertThat(edit.text()).contains("| 2026-11-20T10:00:00Z | dev | backend | deploy | <span title=\"arn:aws:ecs:us-west-2:"
                + "123456789012:task-definition/durable-code-dev-backend:5\">durable-code-dev-backend:5</span> | <span title=\""
                + "123456789012.dkr.ecr.us-west-2.amazonaws.com/durable-code-backend:v5\">durable-code-backend:v5</span> |");
        assertThat(edit.text()).doesNotContain(".734218512").contains("[2026-11-25T16:04:11Z]");
        List<HistoryEntry> read = HistoryBlock.parse(edit.text()).entries();
        assertThat(read).extracting(HistoryEntry::taskDefinition).containsExactly(
                "arn:aws:ecs:us-west-2:123456789012:task-definition/durable-code-dev-backend:7",
                "arn:aws:ecs:us-west-2:123456789012:task-definition/durable-code-dev-frontend:4",
                "arn:aws:ecs:us-west-2:123456789012:task-definition/durable-code-dev-backend:5",
                "arn:aws:ecs:us-west-2:123456789012:task-definition/durable-code-dev-backend:4");
        // a row written to the minute (by hand, or an older format) is read, not dropped
        assertThat(edit.text()).contains("| 2026-11-19T09:30:00Z | dev | backend | deploy |");
        assertThat(read.get(2).image()).isEqualTo("123456789012.dkr.ecr.us-west-2.amazonaws.com/durable-code-backend:v5");
        assertThat(updater.apply(edit.text(), TrackerFixtures.deployed()).changed()).as("applied twice").isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "123456789012.dkr.ecr.us-west-2.amazonaws.com/app:v2                     | app:v2",
        "123456789012.dkr.ecr.us-west-2.amazonaws.com/team/app@sha256:0123456789abcdef0123 | team/app@sha256:0123456789ab",
        "nginx:1.25-alpine                                                       | nginx:1.25-alpine",
        "library/nginx:1.25                                                      | library/nginx:1.25",
        "localhost:5000/app:dev                                                  | app:dev",
    })
    void imagesAreShownAsRepositoryAndTag(String full, String shown) {
        assertThat(ShortName.image(full)).isEqualTo(shown);
    }

    @Test
    void changeLogLinesLandInTimeOrderNewestFirst() {
        String tracker = "## Change Log\n\n### 2026-11-30\n- driftless: later [2026-11-30T09:00:00Z]\n\n"
                + "### 2026-11-20\n- driftless: earlier [2026-11-20T09:00:00Z]\n";

        String once = updater.apply(tracker, TrackerFixtures.deployed()).text();
        RunOutcome.Scaled sameDayEarlier = new RunOutcome.Scaled(Instant.parse("2026-11-25T06:00:00Z"), "durable-code", "dev",
                RunOutcome.Scaled.Action.STARTED, List.of("backend"), 2);
        String twice = updater.apply(once, sameDayEarlier).text();

        String log = twice.substring(twice.indexOf("## Change Log"));
        assertThat(log.indexOf("### 2026-11-30")).isLessThan(log.indexOf("### 2026-11-25"));
        assertThat(log.indexOf("### 2026-11-25")).isLessThan(log.indexOf("### 2026-11-20"));
        assertThat(log.indexOf("[2026-11-25T16:04:11Z]")).isLessThan(log.indexOf("[2026-11-25T06:00:00Z]"));
        assertThat(log.indexOf("[2026-11-25T06:00:00Z]")).isLessThan(log.indexOf("### 2026-11-20"));
        assertThat(log).containsOnlyOnce("### 2026-11-25");
    }
}
