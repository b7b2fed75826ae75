package dev.driftless.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.driftless.actions.ActionsRuntime;
import dev.driftless.aws.MotoClients;
import dev.driftless.plan.DriftReport;
import dev.driftless.testing.MotoExtension;
import dev.driftless.testing.MotoServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code driftless drift}: live state from moto, the issue on a GitHub played by WireMock (request bodies checked). */
@ExtendWith(MotoExtension.class)
class DriftCommandTest {
    private static final String REPO = "/repos/Codertocat/Hello-World";
    private static final String ISSUES = REPO + "/issues";
    private static final String MARKER = DriftReport.marker("durable-code", "dev");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T06:00:00Z"), ZoneOffset.UTC);

    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    @BeforeEach
    void stubRepository() {
        String api = github.baseUrl() + REPO;
        github.stubFor(get(urlEqualTo(REPO)).willReturn(okJson("{\"id\":1,\"name\":\"Hello-World\",\"full_name\":"
                + "\"Codertocat/Hello-World\",\"url\":\"" + api + "\",\"owner\":{\"login\":\"Codertocat\",\"id\":1}}")));
        github.stubFor(post(urlEqualTo("/graphql")).willReturn(okJson("{\"data\":{\"viewer\":{\"login\":\"github-actions[bot]\"}}}")));
    }

    private Run drift(MotoServer moto, String... extra) throws IOException {
        Map<String, String> env = new HashMap<>(moto.awsEnvironment());
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_EVENT_NAME", "schedule");
        env.put("GITHUB_REPOSITORY", "Codertocat/Hello-World");
        env.put("GITHUB_RUN_ID", "777");
        env.put("GITHUB_SHA", "ec26c3e57ca3a959ca5aad62de7213c562f8c821");
        env.put("GITHUB_API_URL", github.baseUrl());
        env.put("GITHUB_TOKEN", "ghs_test_installation_token");
        env.put("GITHUB_OUTPUT", Files.createTempFile(tmp, "out", "").toString());
        List<String> args = new ArrayList<>(List.of("drift", "--specs", PlanRun.SAMPLE.toString(), "--env", "dev",
                "--at", "2026-11-26T06:00:00Z"));
        args.addAll(List.of(extra));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code = Main.run(args.toArray(String[]::new), new CommandContext(env, o, e, CLOCK, d -> { }, new ActionsRuntime(env, o, e)));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void deployAndChangeByHand(MotoServer moto, boolean byHand) {
        try (MotoClients aws = new MotoClients(moto)) {
            PlanRun.deploy(aws, PlanRun.load(PlanRun.SAMPLE), "dev", "abc123");
            if (byHand) {
                aws.ecs.updateService(b -> b.cluster("durable-code-dev").service("frontend").desiredCount(3));
            }
        }
    }

    private static void openIssues(String json) {
        github.stubFor(get(urlPathEqualTo(ISSUES)).withQueryParam("state", equalTo("open")).withQueryParam("labels", equalTo("drift"))
                .willReturn(okJson(json)));
    }

    private String issue(int number, String body, String author) throws IOException {
        return new ObjectMapper().writeValueAsString(Map.of("number", number, "title", "Drift: durable-code / dev differs",
                "body", body, "state", "open", "url", github.baseUrl() + ISSUES + "/" + number,
                "html_url", "https://github.com/Codertocat/Hello-World/issues/" + number,
                "user", Map.of("login", author, "type", author.endsWith("[bot]") ? "Bot" : "User")));
    }

    private static JsonNode sent(LoggedRequest r) throws IOException {
        return new ObjectMapper().readTree(r.getBodyAsString());
    }

    private static String existingBody() {
        return MARKER + "\n<!-- driftless:first-seen 2026-11-20T06:00:00Z -->\n### Drift: durable-code / dev\n\nold table\n";
    }

    @Test
    void driftOpensOneIssueWithTheTableAndCreatesTheLabels(MotoServer moto) throws Exception {
        deployAndChangeByHand(moto, true);
        openIssues("[]");
        github.stubFor(get(urlPathMatching(REPO + "/labels/.*")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Not Found\"}")));
        github.stubFor(post(urlEqualTo(REPO + "/labels")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"name\":\"x\",\"color\":\"ffffff\"}")));
        github.stubFor(post(urlEqualTo(ISSUES)).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody(issue(9, MARKER, "github-actions[bot]"))));

        Run run = drift(moto);

        assertThat(run.code).as(run.err).isZero();
        List<LoggedRequest> created = github.findAll(postRequestedFor(urlEqualTo(ISSUES)));
        assertThat(created).hasSize(1);
        JsonNode issue = sent(created.get(0));
        assertThat(issue.path("title").asText()).isEqualTo("Drift: durable-code / dev differs from the spec");
        assertThat(issue.path("labels").toString()).isEqualTo("[\"driftless\",\"drift\"]");
        assertThat(issue.path("body").asText()).startsWith(MARKER + "\n<!-- driftless:first-seen 2026-11-26T06:00:00Z -->\n")
                .contains("| frontend | desired count | desired count | `3` | `1` | ⚠️ changed outside git |")
                .contains("**First seen:** 2026-11-26 06:00 UTC · **last seen:** 2026-11-26 06:00 UTC · "
                        + "[the run that looked](https://github.com/Codertocat/Hello-World/actions/runs/777)")
                .contains("<sub>commit [`ec26c3e`](");
        List<LoggedRequest> labels = github.findAll(postRequestedFor(urlEqualTo(REPO + "/labels")));
        assertThat(labels).extracting(r -> sent(r).path("name").asText()).containsExactly("driftless", "drift");
        assertThat(run.err).contains("drift: opened drift issue #9");
        assertThat(run.out).contains("| frontend | desired count |");
    }

    @Test
    void aLaterRunEditsTheSameIssueKeepingFirstSeenAndCreatesNoLabels(MotoServer moto) throws Exception {
        deployAndChangeByHand(moto, true);
        openIssues("[" + issue(9, existingBody(), "github-actions[bot]") + "]");
        github.stubFor(patch(urlEqualTo(ISSUES + "/9")).willReturn(okJson(issue(9, "edited", "github-actions[bot]"))));

        Run run = drift(moto);

        assertThat(run.code).as(run.err).isZero();
        List<LoggedRequest> edits = github.findAll(patchRequestedFor(urlEqualTo(ISSUES + "/9")));
        assertThat(edits).hasSize(1);
        assertThat(sent(edits.get(0)).path("body").asText())
                .startsWith(MARKER + "\n<!-- driftless:first-seen 2026-11-20T06:00:00Z -->\n")
                .contains("| frontend | desired count | desired count | `3` | `1` |")
                .contains("**First seen:** 2026-11-20 06:00 UTC · **last seen:** 2026-11-26 06:00 UTC")
                .doesNotContain("old table");
        github.verify(0, postRequestedFor(urlEqualTo(ISSUES)));
        github.verify(0, anyRequestedFor(urlPathMatching(REPO + "/labels.*")));
    }

    @Test
    void driftRevertedClosesTheIssueWithAComment(MotoServer moto) throws Exception {
        deployAndChangeByHand(moto, false);
        openIssues("[" + issue(9, existingBody(), "github-actions[bot]") + "]");
        github.stubFor(post(urlEqualTo(ISSUES + "/9/comments"))
                .withRequestBody(matchingJsonPath("$.body", com.github.tomakehurst.wiremock.client.WireMock.containing("Drift is gone")))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("{\"id\":1}")));
        github.stubFor(patch(urlEqualTo(ISSUES + "/9")).withRequestBody(matchingJsonPath("$.state", equalTo("closed")))
                .willReturn(okJson(issue(9, existingBody(), "github-actions[bot]"))));

        Run run = drift(moto);

        assertThat(run.code).as(run.err).isZero();
        github.verify(1, postRequestedFor(urlEqualTo(ISSUES + "/9/comments")));
        github.verify(1, patchRequestedFor(urlEqualTo(ISSUES + "/9")).withRequestBody(matchingJsonPath("$.state", equalTo("closed"))));
        assertThat(sent(github.findAll(postRequestedFor(urlEqualTo(ISSUES + "/9/comments"))).get(0)).path("body").asText())
                .contains("Drift is gone: the live services of cluster `durable-code-dev` match the spec")
                .contains("https://github.com/Codertocat/Hello-World/actions/runs/777");
        assertThat(run.err).contains("drift: closed drift issue #9");
    }

    @Test
    void noDriftAndNoOpenIssueWritesNothing(MotoServer moto) throws Exception {
        deployAndChangeByHand(moto, false);
        openIssues("[]");

        Run run = drift(moto);

        assertThat(run.code).as(run.err).isZero();
        assertThat(github.findAll(anyRequestedFor(anyUrl()))).allSatisfy(r -> assertThat(r.getMethod().getName()).isEqualTo("GET"));
        github.verify(1, getRequestedFor(urlPathEqualTo(ISSUES)));
        assertThat(run.out).contains("No drift");
    }

    @Test
    void anIssueSomeoneElseWroteWithTheMarkerIsNotTouched(MotoServer moto) throws Exception {
        deployAndChangeByHand(moto, false);
        openIssues("[" + issue(4, existingBody(), "mallory") + "]");

        Run run = drift(moto);

        assertThat(run.code).as(run.err).isZero();
        github.verify(0, patchRequestedFor(anyUrl()));
        github.verify(0, postRequestedFor(urlPathMatching(ISSUES + ".*")));
        assertThat(run.err).contains("no drift and no open drift issue");
    }

    @Test
    void aDryRunSaysWhatItWouldDoAndWritesNothing(MotoServer moto) throws Exception {
        deployAndChangeByHand(moto, true);
        openIssues("[]");

        Run run = drift(moto, "--dry-run");

        assertThat(run.code).as(run.err).isZero();
        assertThat(run.err).contains("drift: would open a drift issue \"Drift: durable-code / dev differs from the spec\"");
        assertThat(github.findAll(anyRequestedFor(anyUrl()))).allSatisfy(r -> assertThat(r.getMethod().getName()).isIn("GET"));
    }
}
