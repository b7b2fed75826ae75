package dev.driftless.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.driftless.testing.GitHubStubs;
import dev.driftless.testing.JarRun;
import dev.driftless.testing.MotoExtension;
import dev.driftless.testing.MotoServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pull_request flow (plan.yml) end to end: the jar, run as the runner runs it with the real
 * pull_request.opened payload, plans against moto and writes one sticky comment through GitHub's API
 * (WireMock) — created on the first run, edited in place on the second.
 */
@ExtendWith(MotoExtension.class)
class PullRequestFlowIT {
    private static final String REPO = "Codertocat/Hello-World";
    private static final String ISSUE = "/repos/" + REPO + "/issues/2";

    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void thePlanCommentIsCreatedThenEditedOnTheSecondRun(MotoServer moto) throws Exception {
        GitHubStubs.stubBasics(github, REPO, "repo:" + REPO + ":pull_request");
        github.stubFor(get(urlPathEqualTo(ISSUE)).willReturn(GitHubStubs.json(issue())));
        github.stubFor(get(urlPathEqualTo(ISSUE + "/comments")).inScenario("comment").whenScenarioStateIs(STARTED)
                .willReturn(GitHubStubs.json("[]")));
        github.stubFor(post(urlPathEqualTo(ISSUE + "/comments")).inScenario("comment").willSetStateTo("commented")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(comment("\"created\""))));

        JarRun.Result first = plan(moto, "ec26c3e57ca3a959ca5aad62de7213c562f8c821");

        assertThat(first.exitCode()).as(first.describe()).isZero();
        List<LoggedRequest> created = github.findAll(postRequestedFor(urlPathEqualTo(ISSUE + "/comments")));
        assertThat(created).as(first.describe()).hasSize(1);
        String body = new ObjectMapper().readTree(created.get(0).getBodyAsString()).get("body").asText();
        assertThat(body).contains("<!--").contains("backend").contains("frontend");
        assertThat(first.outputs()).containsEntry("has-changes", "true").containsKey("monthly-estimate-usd");
        assertThat(first.summary()).contains("backend");
        assertThat((first.stdout() + first.stderr()).lines().filter(l -> !l.startsWith("::add-mask::")))
                .noneMatch(l -> l.contains(GitHubStubs.TOKEN));

        // a new push to the pull request: the second run finds its comment by the hidden marker and edits it
        github.stubFor(get(urlPathEqualTo(ISSUE + "/comments")).inScenario("comment").whenScenarioStateIs("commented")
                .willReturn(GitHubStubs.json("[" + comment(jsonString(body)) + "]")));
        github.stubFor(patch(urlPathEqualTo("/repos/" + REPO + "/issues/comments/4242"))
                .willReturn(GitHubStubs.json(comment("\"edited\""))));

        JarRun.Result second = plan(moto, "5c1e0ffee5c1e0ffee5c1e0ffee5c1e0ffee5c1e");

        assertThat(second.exitCode()).as(second.describe()).isZero();
        assertThat(github.findAll(patchRequestedFor(urlPathEqualTo("/repos/" + REPO + "/issues/comments/4242"))))
                .as(second.describe()).hasSize(1);
        github.verify(1, postRequestedFor(urlPathEqualTo(ISSUE + "/comments")));
        github.verify(1, patchRequestedFor(urlPathEqualTo("/repos/" + REPO + "/issues/comments/4242"))
                .withRequestBody(containing("5c1e0ffee5c1e0ffee5c1e0ffee5c1e0ffee5c1e")));
        assertThat(second.stderr()).contains("the plan in the pull request comment:");
    }

    private JarRun.Result plan(MotoServer moto, String headSha) {
        return JarRun.of("plan", "--env", "dev")
                .inActions("pull_request", "webhooks/pull_request.opened.json")
                .env(moto.awsEnvironment())
                .env(GitHubStubs.environment(github, REPO))
                .env("INPUT_SPECS", Path.of("deploy-specs").toAbsolutePath().toString())
                // the checkout holds the specs; driftless refuses a --specs outside GITHUB_WORKSPACE in Actions
                .env("GITHUB_WORKSPACE", Path.of("").toAbsolutePath().toString())
                .env("INPUT_IMAGE-TAG", headSha)
                .run();
    }

    private static String issue() {
        return "{\"id\":1,\"number\":2,\"title\":\"Update the README with new information.\",\"state\":\"open\","
                + "\"url\":\"" + github.baseUrl() + ISSUE + "\",\"html_url\":\"" + github.baseUrl() + "/" + REPO + "/pull/2\","
                + "\"pull_request\":{\"url\":\"" + github.baseUrl() + "/repos/" + REPO + "/pulls/2\"}}";
    }

    private static String comment(String bodyJson) {
        String body = bodyJson.startsWith("\"") ? bodyJson : "\"" + bodyJson + "\"";
        return "{\"id\":4242,\"body\":" + body + ",\"url\":\"" + github.baseUrl() + "/repos/" + REPO
                + "/issues/comments/4242\",\"html_url\":\"" + github.baseUrl() + "/" + REPO + "/pull/2#issuecomment-4242\","
                + "\"user\":{\"login\":\"github-actions[bot]\",\"id\":41898282}}";
    }

    private static String jsonString(String s) throws Exception {
        return new ObjectMapper().writeValueAsString(s);
    }
}
