package dev.driftless.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.driftless.comment.CommentBody;
import dev.driftless.testing.MotoExtension;
import dev.driftless.testing.MotoServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The sticky PR comment against a GitHub API played by WireMock (request bodies checked), AWS by moto. */
@ExtendWith(MotoExtension.class)
class PlanCommentTest {
    private static final String REPO = "/repos/Codertocat/Hello-World";
    private static final String COMMENTS = REPO + "/issues/2/comments";
    private static final String RUN_URL = "https://github.com/Codertocat/Hello-World/actions/runs/4242";

    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path tmp;
    private Path summary;
    private Path outputs;

    @BeforeEach
    void stubRepositoryAndIssue() throws IOException {
        summary = Files.createFile(tmp.resolve("summary.md"));
        outputs = Files.createFile(tmp.resolve("outputs"));
        github.stubFor(get(urlEqualTo(REPO)).willReturn(okJson(repository())));
        github.stubFor(get(urlEqualTo(REPO + "/issues/2")).willReturn(okJson(
                "{\"number\":2,\"url\":\"" + github.baseUrl() + REPO + "/issues/2\",\"title\":\"Update the README\","
                        + "\"state\":\"open\",\"pull_request\":{\"url\":\"" + github.baseUrl() + REPO + "/pulls/2\"}}")));
    }

    private String repository() {
        String api = github.baseUrl() + REPO;
        return "{\"id\":1296269,\"name\":\"Hello-World\",\"full_name\":\"Codertocat/Hello-World\",\"url\":\"" + api + "\","
                + "\"html_url\":\"https://github.com/Codertocat/Hello-World\",\"owner\":{\"login\":\"Codertocat\",\"id\":1,"
                + "\"type\":\"User\"},\"permissions\":{\"admin\":false,\"push\":true,\"pull\":true}}";
    }

    private String comment(long id, String body) throws IOException {
        return comment(id, body, "github-actions[bot]", "Bot");
    }

    private String comment(long id, String body, String login, String type) throws IOException {
        return new ObjectMapper().writeValueAsString(Map.of("id", id, "body", body,
                "html_url", "https://github.com/Codertocat/Hello-World/pull/2#issuecomment-" + id,
                "url", github.baseUrl() + REPO + "/issues/comments/" + id,
                "user", Map.of("login", login, "id", 41898282, "type", type)));
    }

    /** What GraphQL's viewer answers for the token: the identity whose comments driftless may edit. */
    private void tokenIs(String login) {
        github.stubFor(post(urlEqualTo("/graphql")).withRequestBody(matchingJsonPath("$.query", containing("viewer")))
                .willReturn(okJson("{\"data\":{\"viewer\":{\"login\":\"" + login + "\"}}}")));
    }

    private static String sent(LoggedRequest request) throws IOException {
        return new ObjectMapper().readTree(request.getBodyAsString()).path("body").asText();
    }

    private Map<String, String> env(MotoServer moto, String event, boolean token) throws IOException {
        Path payload = tmp.resolve("event.json");
        try (InputStream in = getClass().getResourceAsStream("/webhooks/" + event + ".json")) {
            Files.write(payload, in.readAllBytes());
        }
        Map<String, String> env = new HashMap<>(moto.awsEnvironment());
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_EVENT_NAME", event.startsWith("pull_request") ? "pull_request" : "push");
        env.put("GITHUB_EVENT_PATH", payload.toString());
        env.put("GITHUB_REPOSITORY", "Codertocat/Hello-World");
        env.put("GITHUB_RUN_ID", "4242");
        env.put("GITHUB_SHA", "ec26c3e57ca3a959ca5aad62de7213c562f8c821");
        env.put("GITHUB_API_URL", github.baseUrl());
        env.put("GITHUB_STEP_SUMMARY", summary.toString());
        env.put("GITHUB_OUTPUT", outputs.toString());
        env.put("RUNNER_TEMP", tmp.toString());
        if (token) {
            env.put("GITHUB_TOKEN", "ghs_test_installation_token");
        }
        return env;
    }

    private PlanRun plan(Map<String, String> env) {
        return PlanRun.run(env, "--specs", PlanRun.SAMPLE.toString(), "--env", "dev", "--at", "2026-11-25T16:00:00Z");
    }

    @Test
    void theFirstRunCreatesOneComment(MotoServer moto) throws Exception {
        github.stubFor(get(urlPathEqualTo(COMMENTS)).willReturn(okJson("[]")));
        github.stubFor(post(urlEqualTo(COMMENTS))
                .withRequestBody(matchingJsonPath("$.body", containing(CommentBody.MARKER)))
                .withRequestBody(matchingJsonPath("$.body", containing("<!-- driftless:section:plan-dev -->")))
                .withRequestBody(matchingJsonPath("$.body", containing("### driftless plan: durable-code / dev")))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(comment(11, CommentBody.MARKER))));

        PlanRun run = plan(env(moto, "pull_request.opened", true));

        assertThat(run.code).as(run.err).isZero();
        github.verify(1, postRequestedFor(urlEqualTo(COMMENTS)));
        github.verify(0, patchRequestedFor(anyUrl()));
        assertThat(github.findAll(anyRequestedFor(anyUrl()))).allSatisfy(r ->
                assertThat(r.getHeader("Authorization")).isEqualTo("token ghs_test_installation_token"));
        assertThat(github.findAll(anyRequestedFor(urlEqualTo("/user")))).isEmpty();
        assertThat(Files.readString(summary)).contains("### driftless plan: durable-code / dev");
        assertThat(Files.readString(outputs)).contains("has-changes").contains("monthly-estimate-usd").contains("plan-file");
    }

    @Test
    void theSecondRunEditsTheCommentAndCreatesNone(MotoServer moto) throws Exception {
        String previous = CommentBody.empty().with("plan-dev", "an older plan", "").with("cost", "the cost section", "").render();
        github.stubFor(get(urlPathEqualTo(COMMENTS)).willReturn(okJson("[" + comment(10, "LGTM") + "," + comment(11, previous) + "]")));
        tokenIs("github-actions[bot]");
        github.stubFor(patch(urlEqualTo(REPO + "/issues/comments/11"))
                .withRequestBody(matchingJsonPath("$.body", containing("### driftless plan: durable-code / dev")))
                .withRequestBody(matchingJsonPath("$.body", containing("the cost section")))
                .willReturn(okJson(comment(11, "edited"))));

        PlanRun run = plan(env(moto, "pull_request.opened", true));

        assertThat(run.code).as(run.err).isZero();
        github.verify(1, patchRequestedFor(urlEqualTo(REPO + "/issues/comments/11")));
        github.verify(0, postRequestedFor(urlEqualTo(COMMENTS)));
        String body = new ObjectMapper().readTree(github.findAll(patchRequestedFor(anyUrl())).get(0).getBodyAsString())
                .path("body").asText();
        assertThat(body).doesNotContain("an older plan");
        assertThat(body.indexOf("driftless:section:plan-dev")).isLessThan(body.indexOf("driftless:section:cost"));
    }

    @Test
    void anOversizedPlanIsCutUnderTheLimitWithALinkToTheRun(MotoServer moto) throws Exception {
        // another command's section already fills most of the comment, so the plan must be cut to the rest
        String previous = CommentBody.empty().with("cost", "c".repeat(60_000), "").render();
        github.stubFor(get(urlPathEqualTo(COMMENTS)).willReturn(okJson("[" + comment(11, previous) + "]")));
        github.stubFor(patch(urlEqualTo(REPO + "/issues/comments/11"))
                .withRequestBody(matchingJsonPath("$.body", containing(RUN_URL)))
                .willReturn(okJson(comment(11, "edited"))));

        PlanRun run = plan(env(moto, "pull_request.opened", true));

        assertThat(run.code).as(run.err).isZero();
        List<LoggedRequest> edits = github.findAll(patchRequestedFor(anyUrl()));
        assertThat(edits).hasSize(1);
        String body = new ObjectMapper().readTree(edits.get(0).getBodyAsString()).path("body").asText();
        assertThat(body.length()).isLessThan(65_536);
        assertThat(body).contains("[the run's job summary](" + RUN_URL + ")").contains("c".repeat(60_000));
        assertThat(Files.readString(summary)).contains("<details><summary><b>frontend</b>");
    }

    @Test
    void withoutATokenOnlyTheSummaryIsWritten(MotoServer moto) throws Exception {
        PlanRun run = plan(env(moto, "pull_request.opened", false));

        assertThat(run.code).as(run.err).isZero();
        assertThat(github.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        assertThat(Files.readString(summary)).contains("### driftless plan: durable-code / dev");
    }

    @Test
    void aPushEventWritesOnlyTheSummary(MotoServer moto) throws Exception {
        PlanRun run = plan(env(moto, "push.main", true));

        assertThat(run.code).as(run.err).isZero();
        assertThat(github.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        assertThat(Files.readString(summary)).contains("### driftless plan: durable-code / dev");
    }

    @Test
    void aCommentGitHubRefusesIsAWarningNotAFailure(MotoServer moto) throws Exception {
        github.stubFor(get(urlPathEqualTo(COMMENTS)).willReturn(okJson("[]")));
        github.stubFor(post(urlEqualTo(COMMENTS)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Resource not accessible by integration\"}")));

        PlanRun run = plan(env(moto, "pull_request.opened", true));

        assertThat(run.code).as(run.err).isZero();
        assertThat(run.out).contains("::warning::").contains("pull-requests: write");
    }

    @Test
    void everySectionEndsWithTheCommitTheMinuteAndTheRun(MotoServer moto) throws Exception {
        github.stubFor(get(urlPathEqualTo(COMMENTS)).willReturn(okJson("[]")));
        github.stubFor(post(urlEqualTo(COMMENTS)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(comment(11, CommentBody.MARKER))));
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T16:03:59Z"), ZoneOffset.UTC);

        PlanRun run = PlanRun.run(clock, env(moto, "pull_request.opened", true),
                "--specs", PlanRun.SAMPLE.toString(), "--env", "dev", "--at", "2026-11-25T16:00:00Z");

        assertThat(run.code).as(run.err).isZero();
        String body = sent(github.findAll(postRequestedFor(urlEqualTo(COMMENTS))).get(0));
        assertThat(body).contains("<sub>commit [`ec26c3e`](https://github.com/Codertocat/Hello-World/commit/"
                + "ec26c3e57ca3a959ca5aad62de7213c562f8c821) · 2026-11-25 16:03 UTC · [run 4242](" + RUN_URL + ")</sub>\n"
                + "<!-- /driftless:section:plan-dev -->");
    }

    @Test
    void aMarkedCommentByAnotherUserIsLeftAloneAndANewOneIsMade(MotoServer moto) throws Exception {
        String quoted = CommentBody.empty().with("plan-dev", "a plan someone pasted", "").render();
        github.stubFor(get(urlPathEqualTo(COMMENTS)).willReturn(okJson("[" + comment(10, quoted, "mallory", "User") + "]")));
        tokenIs("github-actions[bot]");
        github.stubFor(post(urlEqualTo(COMMENTS)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(comment(11, CommentBody.MARKER))));

        PlanRun run = plan(env(moto, "pull_request.opened", true));

        assertThat(run.code).as(run.err).isZero();
        github.verify(0, patchRequestedFor(anyUrl()));
        github.verify(1, postRequestedFor(urlEqualTo(COMMENTS)));
        assertThat(sent(github.findAll(postRequestedFor(urlEqualTo(COMMENTS))).get(0)))
                .contains("### driftless plan: durable-code / dev").doesNotContain("a plan someone pasted");
    }

    @Test
    void aGitHubAppTokenEditsTheCommentItsAppWrote(MotoServer moto) throws Exception {
        String previous = CommentBody.empty().with("plan-dev", "an older plan", "").render();
        github.stubFor(get(urlPathEqualTo(COMMENTS)).willReturn(okJson("[" + comment(10, previous, "github-actions[bot]", "Bot")
                + "," + comment(12, previous, "driftless-ci[bot]", "Bot") + "]")));
        tokenIs("driftless-ci[bot]");
        github.stubFor(patch(urlEqualTo(REPO + "/issues/comments/12")).willReturn(okJson(comment(12, "edited"))));

        PlanRun run = plan(env(moto, "pull_request.opened", true));

        assertThat(run.code).as(run.err).isZero();
        github.verify(1, patchRequestedFor(urlEqualTo(REPO + "/issues/comments/12")));
        github.verify(0, patchRequestedFor(urlEqualTo(REPO + "/issues/comments/10")));
        github.verify(0, postRequestedFor(urlEqualTo(COMMENTS)));
        assertThat(sent(github.findAll(patchRequestedFor(anyUrl())).get(0))).contains("### driftless plan: durable-code / dev");
    }

    @Test
    void aPlanForAnotherAccountIsRefusedBeforeAnyReadAndTheCommentSaysSo(MotoServer moto) throws Exception {
        // the same application in account 210987654321; moto's credentials act in 123456789012
        Path other = tmp.resolve("other-account.yaml");
        Files.writeString(other, Files.readString(PlanRun.SAMPLE).replace("123456789012", "210987654321"));
        github.stubFor(get(urlPathEqualTo(COMMENTS)).willReturn(okJson("[]")));
        github.stubFor(post(urlEqualTo(COMMENTS))
                .withRequestBody(matchingJsonPath("$.body", containing("driftless plan: durable-code / dev — refused")))
                .withRequestBody(matchingJsonPath("$.body", containing("refusing to act: the credentials are for AWS account 123456789012")))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(comment(12, CommentBody.MARKER))));
        Map<String, String> env = env(moto, "pull_request.opened", true);
        // ECS calls go to WireMock, where any would be seen; STS stays on moto
        env.put("AWS_ENDPOINT_URL_ECS", github.baseUrl());

        PlanRun run = PlanRun.run(env, "--specs", other.toString(), "--env", "dev", "--at", "2026-11-25T16:00:00Z");

        assertThat(run.code).isEqualTo(1);
        assertThat(run.err).contains("refusing to act: the credentials are for AWS account 123456789012")
                .contains("allows only account 210987654321");
        github.verify(1, postRequestedFor(urlEqualTo(COMMENTS)));
        assertThat(github.findAll(anyRequestedFor(anyUrl())))
                .noneMatch(r -> r.containsHeader("X-Amz-Target"));
        assertThat(Files.readString(summary)).contains("— refused").doesNotContain("Estimated monthly cost");
    }
}
