package dev.driftless.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.driftless.actions.ActionsRuntime;
import dev.driftless.engine.DeployReport;
import dev.driftless.engine.FakeClock;
import dev.driftless.engine.ServiceResult;
import dev.driftless.engine.ServiceResult.Outcome;
import dev.driftless.engine.Sleeper;
import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.EnvironmentSpec;
import dev.driftless.spec.SpecLoader;
import dev.driftless.testing.GitHubStubs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a deploy tells GitHub, through the real adapters against WireMock playing the REST API: the deployment's
 * statuses, and the result comment on the pull request a pushed commit came from (none without one).
 */
class DeployNotificationsTest {
    private static final String REPOSITORY = "Codertocat/Hello-World";
    private static final String REPO = "/repos/" + REPOSITORY;
    private static final String SHA = "6113728f27ae82c7b1a177c8d03f9e96e0adf246";
    private static final String PULLS = REPO + "/commits/" + SHA + "/pulls";
    private static final String COMMENTS = REPO + "/issues/2/comments";
    private static final String IMAGE = "123456789012.dkr.ecr.us-west-2.amazonaws.com/durable-code-backend:v2";

    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private DeploySpec spec;
    private EnvironmentSpec dev;

    @BeforeEach
    void gitHubWithADeploymentAndACommit() {
        GitHubStubs.stubBasics(github, REPOSITORY, "repo:" + REPOSITORY + ":ref:refs/heads/main");
        GitHubStubs.stubDeployments(github, REPOSITORY, 77, SHA);
        github.stubFor(get(urlEqualTo(REPO + "/commits/" + SHA)).willReturn(okJson("{\"sha\":\"" + SHA + "\",\"url\":\""
                + github.baseUrl() + REPO + "/commits/" + SHA + "\"}")));
        github.stubFor(get(urlEqualTo(REPO + "/issues/2")).willReturn(okJson("{\"number\":2,\"url\":\"" + github.baseUrl()
                + REPO + "/issues/2\",\"state\":\"closed\",\"pull_request\":{\"url\":\"" + github.baseUrl() + REPO + "/pulls/2\"}}")));
        spec = SpecLoader.loadAll(SpecFiles.read(Path.of("deploy-specs/durable-code.yaml"))).get(0).spec();
        dev = spec.environment("dev").orElseThrow();
    }

    @Test
    void aPushFromAPullRequestMarksTheDeploymentAndCommentsTheResultOnThePullRequest() throws Exception {
        github.stubFor(get(urlPathEqualTo(PULLS)).willReturn(okJson("[{\"number\":2,\"state\":\"closed\","
                + "\"merged_at\":\"2026-11-25T09:00:00Z\",\"url\":\"" + github.baseUrl() + REPO + "/pulls/2\"}]")));
        github.stubFor(post(urlEqualTo(COMMENTS))
                .withRequestBody(matchingJsonPath("$.body", containing("deploy durable-code → dev succeeded")))
                .withRequestBody(matchingJsonPath("$.body", containing("durable-code-backend:v2")))
                .withRequestBody(matchingJsonPath("$.body", containing("1m35s")))
                .withRequestBody(matchingJsonPath("$.body", containing("Monthly estimate after this change: **$")))
                .withRequestBody(matchingJsonPath("$.body", containing("/actions/runs/4242")))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(new ObjectMapper().writeValueAsString(Map.of("id", 31, "body", "deploy",
                                "html_url", "https://github.com/" + REPOSITORY + "/pull/2#issuecomment-31")))));

        DeployNotifications notify = notifications("push");
        notify.started("Deploy", spec, dev);
        notify.finished("deploy", spec, dev, report(Outcome.DEPLOYED));

        assertThat(states()).containsExactly("in_progress", "success");
        github.verify(1, postRequestedFor(urlEqualTo(COMMENTS))
                .withRequestBody(matchingJsonPath("$.body", containing("| backend |"))));
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("commented on pull request #2");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("::warning");
    }

    @Test
    void aDirectPushMarksTheDeploymentButCommentsNowhere() throws Exception {
        github.stubFor(get(urlPathEqualTo(PULLS)).willReturn(okJson("[]")));

        DeployNotifications notify = notifications("push");
        notify.started("Deploy", spec, dev);
        notify.finished("deploy", spec, dev, report(Outcome.FAILED_ROLLED_BACK));

        assertThat(states()).containsExactly("in_progress", "failure");
        github.verify(1, getRequestedFor(urlPathEqualTo(PULLS)));
        github.verify(0, postRequestedFor(urlPathMatching(".*/comments")));
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("::warning");
    }

    @Test
    void aManualRollbackLooksUpNoPullRequest() throws Exception {
        DeployNotifications notify = notifications("workflow_dispatch");
        notify.started("Rollback", spec, dev);
        notify.finished("rollback", spec, dev, report(Outcome.ROLLED_BACK));

        assertThat(states()).containsExactly("in_progress", "success");
        github.verify(0, getRequestedFor(urlPathEqualTo(PULLS)));
        github.verify(0, postRequestedFor(urlPathMatching(".*/comments")));
    }

    private DeployNotifications notifications(String event) {
        Map<String, String> env = new HashMap<>(GitHubStubs.environment(github, REPOSITORY));
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_EVENT_NAME", event);
        env.put("GITHUB_SHA", SHA);
        env.put("GITHUB_RUN_ID", "4242");
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        CommandContext ctx = new CommandContext(env, o, e, new FakeClock(Instant.parse("2026-11-25T10:00:00Z")),
                Sleeper.REAL, new ActionsRuntime(env, o, e));
        return DeployNotifications.of(ctx, false).orElseThrow();
    }

    private static DeployReport report(Outcome outcome) {
        String arn = "arn:aws:ecs:us-west-2:123456789012:task-definition/durable-code-dev-backend:";
        return new DeployReport("dev", "durable-code-dev", false, List.of(new ServiceResult("backend", outcome,
                arn + "2", arn + "2", arn + "1", IMAGE, Duration.ofSeconds(95), List.of())));
    }

    private static List<String> states() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> states = new java.util.ArrayList<>();
        for (var r : github.findAll(postRequestedFor(urlEqualTo(REPO + "/deployments/77/statuses")))) {
            states.add(json.readTree(r.getBodyAsString()).get("state").asText());
        }
        return states;
    }
}
