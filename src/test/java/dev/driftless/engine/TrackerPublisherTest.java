package dev.driftless.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.driftless.github.GitHubClients;
import dev.driftless.github.GitHubContentsFiles;
import dev.driftless.tracker.ChecklistEvidence;
import dev.driftless.tracker.RunOutcome;
import dev.driftless.tracker.TrackerUpdater;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.kohsuke.github.GHRepository;

class TrackerPublisherTest {
    private static final String PATH = "planning/deployment/PROGRESS_TRACKER.md";
    private static final String CONTENTS = "/repos/octo/app/contents/" + PATH;
    private static final String TRACKER = "# Tracker\n\n## Current Status\n**Last Updated**: 2025-09-23\n"
            + "**Infrastructure State**: ⏳ Planning\n\n## Change Log\n\n### 2025-09-23\n- started\n";
    private static final RunOutcome STOPPED = new RunOutcome.Scaled(Instant.parse("2026-11-26T07:00:00Z"), "durable-code",
            "dev", RunOutcome.Scaled.Action.STOPPED, List.of("backend", "frontend"), 2);

    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private TrackerPublisher publisher;

    @BeforeEach
    void connect() throws IOException {
        github.stubFor(get("/repos/octo/app").willReturn(okJson("{\"id\":1,\"name\":\"app\",\"full_name\":\"octo/app\","
                + "\"owner\":{\"login\":\"octo\",\"id\":2,\"type\":\"User\"},\"default_branch\":\"main\","
                + "\"url\":\"" + github.baseUrl() + "/repos/octo/app\"}")));
        GHRepository repo = GitHubClients.connect(github.baseUrl(), "ghs_test").getRepository("octo/app");
        publisher = new TrackerPublisher(new GitHubContentsFiles(repo),
                new TrackerUpdater(ChecklistEvidence.withOverrides(Map.of()), 20));
    }

    @Test
    void commitsOverTheShaItReadWithASkipCiMessage() {
        stubRead(Scenario.STARTED, null, TRACKER, "sha-1");
        github.stubFor(put(urlPathEqualTo(CONTENTS)).willReturn(okJson(committed("commit-2"))));

        var result = publisher.publish(PATH, "main", STOPPED);

        assertThat(result).isInstanceOfSatisfying(TrackerPublisher.Publication.Committed.class, c -> {
            assertThat(c.commit()).isEqualTo("commit-2");
            assertThat(c.attempts()).isEqualTo(1);
        });
        github.verify(1, putRequestedFor(urlPathEqualTo(CONTENTS))
                .withRequestBody(matchingJsonPath("$.sha", equalTo("sha-1")))
                .withRequestBody(matchingJsonPath("$.branch", equalTo("main")))
                .withRequestBody(matchingJsonPath("$.message",
                        equalTo("driftless: stopped durable-code dev (backend, frontend) [2026-11-26T07:00:00Z] [skip ci]"))));
        github.verify(0, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/user")));
        String sent = sentContent(github.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals("PUT")).findFirst().orElseThrow()
                .getRequest().getBodyAsString());
        assertThat(sent).contains("**Infrastructure State**: ⏸️ durable-code dev: stopped, 2/2 services at 0")
                .contains("### 2026-11-26\n- driftless: stopped durable-code dev");
    }

    @Test
    void aConflictOnceIsReReadAndReApplied() {
        String changedMeanwhile = TRACKER.replace("- started", "- started\n- a teammate's line");
        stubRead(Scenario.STARTED, null, TRACKER, "sha-1");
        github.stubFor(put(urlPathEqualTo(CONTENTS)).inScenario("race").whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(matchingJsonPath("$.sha", equalTo("sha-1")))
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"" + PATH + " does not match sha-1\"}"))
                .willSetStateTo("changed"));
        stubRead("changed", null, changedMeanwhile, "sha-2");
        github.stubFor(put(urlPathEqualTo(CONTENTS)).inScenario("race").whenScenarioStateIs("changed")
                .withRequestBody(matchingJsonPath("$.sha", equalTo("sha-2")))
                .willReturn(okJson(committed("commit-3"))));

        var result = publisher.publish(PATH, "main", STOPPED);

        assertThat(result).isInstanceOfSatisfying(TrackerPublisher.Publication.Committed.class, c -> {
            assertThat(c.commit()).isEqualTo("commit-3");
            assertThat(c.attempts()).isEqualTo(2);
        });
        String secondPut = github.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals("PUT"))
                .filter(e -> e.getRequest().getBodyAsString().contains("sha-2")).findFirst().orElseThrow()
                .getRequest().getBodyAsString();
        String sent = sentContent(secondPut);
        assertThat(sent).as("the teammate's change survives the re-apply").contains("- a teammate's line")
                .contains("⏸️ durable-code dev: stopped");
    }

    @Test
    void aProtectedBranchIsRefusedWithItsFixAndNotRetried() {
        stubRead(Scenario.STARTED, null, TRACKER, "sha-1");
        github.stubFor(put(urlPathEqualTo(CONTENTS)).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Could not update file: Changes must be made through a pull request.\","
                        + "\"documentation_url\":\"https://docs.github.com/articles/about-protected-branches\"}")));

        var result = publisher.publish(PATH, "main", STOPPED);

        assertThat(result).isInstanceOfSatisfying(TrackerPublisher.Publication.Refused.class, r -> {
            assertThat(r.reason()).contains("main is a protected branch");
            assertThat(r.fix()).contains("tracker.branch");
        });
        github.verify(1, putRequestedFor(urlPathEqualTo(CONTENTS)));
    }

    @Test
    void conflictsThatNeverEndGiveUpAfterABoundedNumberOfAttempts() {
        stubRead(Scenario.STARTED, null, TRACKER, "sha-1");
        github.stubFor(put(urlPathEqualTo(CONTENTS)).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"sha does not match\"}")));

        var result = publisher.publish(PATH, "main", STOPPED);

        assertThat(result).isInstanceOf(TrackerPublisher.Publication.GaveUp.class);
        github.verify(TrackerPublisher.MAX_ATTEMPTS, putRequestedFor(urlPathEqualTo(CONTENTS)));
    }

    @Test
    void aMissingTrackerIsReportedNotCreated() {
        github.stubFor(get(urlPathEqualTo(CONTENTS)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Not Found\"}")));

        var result = publisher.publish(PATH, "main", STOPPED);

        assertThat(result).isInstanceOfSatisfying(TrackerPublisher.Publication.Missing.class,
                m -> assertThat(m.reason()).contains(PATH).contains("octo/app@main"));
        github.verify(0, putRequestedFor(urlPathEqualTo(CONTENTS)));
    }

    @Test
    void locallyTheWorkingTreeFileIsUpdatedInPlaceAndTheSecondRunChangesNothing(@TempDir Path repo) throws IOException {
        Path file = repo.resolve(PATH);
        Files.createDirectories(file.getParent());
        Files.writeString(file, TRACKER);
        TrackerPublisher local = new TrackerPublisher(new WorkingTreeFiles(repo),
                new TrackerUpdater(ChecklistEvidence.withOverrides(Map.of()), 20));

        var first = local.publish(PATH, null, STOPPED);
        var second = local.publish(PATH, null, STOPPED);

        assertThat(first).isInstanceOf(TrackerPublisher.Publication.Committed.class);
        assertThat(second).isInstanceOf(TrackerPublisher.Publication.Unchanged.class);
        assertThat(Files.readString(file)).contains("⏸️ durable-code dev: stopped");
    }

    private void stubRead(String state, String next, String text, String sha) {
        var stub = get(urlPathEqualTo(CONTENTS)).withQueryParam("ref", equalTo("main")).inScenario("race")
                .whenScenarioStateIs(state)
                .willReturn(okJson("{\"type\":\"file\",\"encoding\":\"base64\",\"name\":\"PROGRESS_TRACKER.md\","
                        + "\"path\":\"" + PATH + "\",\"sha\":\"" + sha + "\",\"size\":" + text.length() + ","
                        + "\"content\":\"" + Base64.getMimeEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))
                                .replace("\r\n", "\\n") + "\"}"));
        github.stubFor(next == null ? stub : stub.willSetStateTo(next));
    }

    private static String sentContent(String putBody) {
        try {
            String b64 = new com.fasterxml.jackson.databind.ObjectMapper().readTree(putBody).get("content").asText();
            return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String committed(String sha) {
        return "{\"content\":{\"name\":\"PROGRESS_TRACKER.md\",\"path\":\"" + PATH + "\",\"sha\":\"blob\"},"
                + "\"commit\":{\"sha\":\"" + sha + "\",\"message\":\"m\"}}";
    }
}
