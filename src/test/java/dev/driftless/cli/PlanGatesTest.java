package dev.driftless.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
import dev.driftless.aws.MotoClients;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code plan --comment MODE} and {@code --fail-on RULE}: what reaches GitHub (bodies checked) and the exit code. */
@ExtendWith(MotoExtension.class)
class PlanGatesTest {
    private static final String REPO = "/repos/Codertocat/Hello-World";
    private static final String COMMENTS = REPO + "/issues/2/comments";
    private static final String CPU_256 = "cpu: 256                     # CPU units (1024 = 1 vCPU)\n    memory: 512";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T16:07:00Z"), ZoneOffset.UTC);

    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path tmp;
    private Path summary;

    @BeforeEach
    void stubRepository() throws IOException {
        summary = Files.createFile(tmp.resolve("summary.md"));
        String api = github.baseUrl() + REPO;
        github.stubFor(get(urlEqualTo(REPO)).willReturn(okJson("{\"id\":1,\"name\":\"Hello-World\",\"full_name\":"
                + "\"Codertocat/Hello-World\",\"url\":\"" + api + "\",\"owner\":{\"login\":\"Codertocat\",\"id\":1}}")));
        github.stubFor(get(urlEqualTo(REPO + "/issues/2")).willReturn(okJson("{\"number\":2,\"url\":\"" + api
                + "/issues/2\",\"state\":\"open\",\"pull_request\":{\"url\":\"" + api + "/pulls/2\"}}")));
        github.stubFor(post(urlEqualTo("/graphql"))
                .willReturn(okJson("{\"data\":{\"viewer\":{\"login\":\"github-actions[bot]\"}}}")));
        github.stubFor(post(urlEqualTo(COMMENTS)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(comment(11, CommentBody.MARKER))));
    }

    private String comment(long id, String body) throws IOException {
        return new ObjectMapper().writeValueAsString(Map.of("id", id, "body", body,
                "html_url", "https://github.com/Codertocat/Hello-World/pull/2#issuecomment-" + id,
                "user", Map.of("login", "github-actions[bot]", "type", "Bot")));
    }

    private Map<String, String> env(MotoServer moto, Map<String, String> inputs) throws IOException {
        Path payload = tmp.resolve("event.json");
        try (InputStream in = getClass().getResourceAsStream("/webhooks/pull_request.opened.json")) {
            Files.write(payload, in.readAllBytes());
        }
        Map<String, String> env = new HashMap<>(moto.awsEnvironment());
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_EVENT_NAME", "pull_request");
        env.put("GITHUB_EVENT_PATH", payload.toString());
        env.put("GITHUB_REPOSITORY", "Codertocat/Hello-World");
        env.put("GITHUB_RUN_ID", "4242");
        env.put("GITHUB_SHA", "ec26c3e57ca3a959ca5aad62de7213c562f8c821");
        env.put("GITHUB_API_URL", github.baseUrl());
        env.put("GITHUB_STEP_SUMMARY", summary.toString());
        env.put("GITHUB_OUTPUT", Files.createFile(tmp.resolve("outputs")).toString());
        env.put("RUNNER_TEMP", tmp.toString());
        env.put("GITHUB_TOKEN", "ghs_test_installation_token");
        env.putAll(inputs);
        return env;
    }

    private PlanRun plan(MotoServer moto, Path specs, Map<String, String> inputs, String... flags) throws IOException {
        List<String> args = new ArrayList<>(List.of("--specs", specs.toString(), "--env", "dev", "--image-tag", "abc123",
                "--at", "2026-11-25T16:00:00Z"));
        args.addAll(List.of(flags));
        return PlanRun.run(CLOCK, env(moto, inputs), args.toArray(String[]::new));
    }

    private static String sent(com.github.tomakehurst.wiremock.verification.LoggedRequest r) throws IOException {
        return new ObjectMapper().readTree(r.getBodyAsString()).path("body").asText();
    }

    @Test
    void onChangeWithNothingChangedPostsNoComment(MotoServer moto) throws Exception {
        try (MotoClients aws = new MotoClients(moto)) {
            PlanRun.deploy(aws, PlanRun.load(PlanRun.SAMPLE), "dev", "abc123");
        }
        github.stubFor(get(urlPathEqualTo(COMMENTS)).willReturn(okJson("[]")));

        PlanRun run = plan(moto, PlanRun.SAMPLE, Map.of("INPUT_COMMENT", "on-change"), "--detailed-exitcode");

        assertThat(run.code).as(run.err).isZero();
        github.verify(0, postRequestedFor(urlEqualTo(COMMENTS)));
        github.verify(0, patchRequestedFor(anyUrl()));
        assertThat(run.err).contains("no pull request comment: nothing changes");
        assertThat(Files.readString(summary)).contains("**No changes.**");
    }

    @Test
    void onChangeWithNothingChangedUpdatesAnExistingCommentToSaySo(MotoServer moto) throws Exception {
        try (MotoClients aws = new MotoClients(moto)) {
            PlanRun.deploy(aws, PlanRun.load(PlanRun.SAMPLE), "dev", "abc123");
        }
        String previous = CommentBody.empty().with("plan-dev", "**1 to create, 0 to update, 1 unchanged**", "").render();
        github.stubFor(get(urlPathEqualTo(COMMENTS)).willReturn(okJson("[" + comment(11, previous) + "]")));
        github.stubFor(patch(urlEqualTo(REPO + "/issues/comments/11")).willReturn(okJson(comment(11, "edited"))));

        PlanRun run = plan(moto, PlanRun.SAMPLE, Map.of(), "--comment", "on-change");

        assertThat(run.code).as(run.err).isZero();
        github.verify(0, postRequestedFor(urlEqualTo(COMMENTS)));
        String body = sent(github.findAll(patchRequestedFor(urlEqualTo(REPO + "/issues/comments/11"))).get(0));
        assertThat(body).contains("**No changes.** The live services match the spec.").doesNotContain("1 to create");
    }

    @Test
    void offWritesNoCommentAtAll(MotoServer moto) throws Exception {
        PlanRun run = plan(moto, PlanRun.SAMPLE, Map.of(), "--comment", "off");

        assertThat(run.code).as(run.err).isZero();
        assertThat(github.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void theHeadlineShowsBothEstimatesAndTheBudgetItIsComparedWith(MotoServer moto) throws Exception {
        github.stubFor(get(urlPathEqualTo(COMMENTS)).willReturn(okJson("[]")));

        PlanRun run = plan(moto, PlanRun.SAMPLE, Map.of());

        assertThat(run.code).as(run.err).isZero();
        String body = sent(github.findAll(postRequestedFor(urlEqualTo(COMMENTS))).get(0));
        // before any dev service runs, dev's estimate is its half of the shared fixed items ($16.93 / 2 environments)
        assertThat(body).containsPattern("### driftless plan: durable-code / dev\n\n\\*\\*dev:\\*\\* monthly estimate \\$8\\.47 → "
                + "\\$[0-9.]+ \\(\\+\\$[0-9.]+, \\+[0-9]+%\\)  \n\\*\\*durable-code \\(all environments\\):\\*\\* monthly estimate "
                + "\\$[0-9.]+ → \\$[0-9.]+ \\(\\+\\$[0-9.]+, \\+[0-9]+%\\) · budget \\$25 \\([0-9]+%, whole application\\)\n");
    }

    /** The dev services run at 256 CPU units; the change quadruples backend's, which raises dev's estimate. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "budget        | monthlyUsd: 1   | fail-on budget: the application's estimate (all environments) $",
        "increase:1    | monthlyUsd: 25  | fail-on increase:1: dev's monthly estimate rises by $",
        "increase:5%   | monthlyUsd: 25  | fail-on increase:5%: dev's monthly estimate rises by ",
    })
    void eachFailOnRuleExits3WithTheReasonInTheCommentAndSummary(String rule, String budget, String reason, MotoServer moto)
            throws Exception {
        try (MotoClients aws = new MotoClients(moto)) {
            PlanRun.deploy(aws, PlanRun.load(PlanRun.SAMPLE), "dev", "abc123");
        }
        github.stubFor(get(urlPathEqualTo(COMMENTS)).willReturn(okJson("[]")));
        Path specs = PlanRun.sampleWith(Files.createDirectories(tmp.resolve("a")), CPU_256, "cpu: 1024\n    memory: 4096");
        Files.writeString(specs, Files.readString(specs).replace("monthlyUsd: 25", budget));

        PlanRun run = plan(moto, specs, Map.of("INPUT_FAIL-ON", rule), "--detailed-exitcode");

        assertThat(run.code).as(run.err).isEqualTo(ExitCode.COST_GATE).isEqualTo(3);
        String body = sent(github.findAll(postRequestedFor(urlEqualTo(COMMENTS))).get(0));
        assertThat(body).contains("**Check failed (exit 3):** " + reason);
        assertThat(Files.readString(summary)).contains("**Check failed (exit 3):** " + reason);
        assertThat(run.out).contains("::error::" + reason.replace("%", "%25")); // escaped as a workflow command
    }

    @Test
    void onChangeStillCommentsWhenAGateFails(MotoServer moto) throws Exception {
        try (MotoClients aws = new MotoClients(moto)) {
            PlanRun.deploy(aws, PlanRun.load(PlanRun.SAMPLE), "dev", "abc123");
        }
        github.stubFor(get(urlPathEqualTo(COMMENTS)).willReturn(okJson("[]")));
        Path specs = PlanRun.sampleWith(Files.createDirectories(tmp.resolve("b")), "monthlyUsd: 25", "monthlyUsd: 1");

        PlanRun run = plan(moto, specs, Map.of(), "--comment", "on-change", "--fail-on", "budget");

        assertThat(run.code).as(run.err).isEqualTo(3);
        assertThat(sent(github.findAll(postRequestedFor(urlEqualTo(COMMENTS))).get(0))).contains("fail-on budget:");
    }

    @Test
    void aRuleThatHoldsLeavesTheExitCodeToDetailedExitcode(MotoServer moto) throws Exception {
        try (MotoClients aws = new MotoClients(moto)) {
            PlanRun.deploy(aws, PlanRun.load(PlanRun.SAMPLE), "dev", "abc123");
        }
        github.stubFor(get(urlPathEqualTo(COMMENTS)).willReturn(okJson("[]")));
        Path specs = PlanRun.sampleWith(Files.createDirectories(tmp.resolve("c")), CPU_256, "cpu: 1024\n    memory: 4096");

        PlanRun run = plan(moto, specs, Map.of(), "--fail-on", "increase:1000", "--fail-on", "increase:900%", "--detailed-exitcode");

        assertThat(run.code).as(run.err).isEqualTo(ExitCode.CHANGES);
        assertThat(sent(github.findAll(postRequestedFor(urlEqualTo(COMMENTS))).get(0))).doesNotContain("Check failed");
    }

    @Test
    void anEnvironmentsBudgetShareIsComparedWithItsOwnEstimate(MotoServer moto) throws Exception {
        github.stubFor(get(urlPathEqualTo(COMMENTS)).willReturn(okJson("[]")));
        Path specs = PlanRun.sampleWith(Files.createDirectories(tmp.resolve("d")), "monthlyUsd: 25",
                "monthlyUsd: 25\n  environments: { dev: 10, prod: 15 }");

        PlanRun run = plan(moto, specs, Map.of(), "--fail-on", "budget");

        assertThat(run.code).as(run.err).isEqualTo(ExitCode.COST_GATE);
        String body = sent(github.findAll(postRequestedFor(urlEqualTo(COMMENTS))).get(0));
        assertThat(body).containsPattern("\\*\\*dev:\\*\\* monthly estimate [^\n]* · budget \\$10 \\([0-9]+%, this environment's share\\)  \n")
                .containsPattern("\\*\\*durable-code \\(all environments\\):\\*\\* monthly estimate [^·\n]*\n")
                .contains("fail-on budget: dev's estimate $");
    }

    @Test
    void anUnknownRuleIsAUsageErrorNamingTheForms(MotoServer moto) throws Exception {
        PlanRun run = plan(moto, PlanRun.SAMPLE, Map.of(), "--fail-on", "increase:lots");

        assertThat(run.code).isEqualTo(ExitCode.USAGE);
        assertThat(run.err).contains("--fail-on: 'increase:lots' is not a fail-on rule; use budget, increase:USD");
    }
}
