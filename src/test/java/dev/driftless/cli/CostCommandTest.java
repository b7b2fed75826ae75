package dev.driftless.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.driftless.testing.MotoExtension;
import dev.driftless.testing.MotoServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code driftless cost} as the Actions runner runs it, in-process: the shipped sample spec, moto for
 * GetCostAndUsage (two injected pages) behind WireMock, which answers GetCostForecast.
 */
@ExtendWith(MotoExtension.class)
class CostCommandTest {
    static final String TARGET = "X-Amz-Target";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    static String group(String service, String usd) {
        return "{\"Keys\":[\"" + service + "\"],\"Metrics\":{\"UnblendedCost\":{\"Amount\":\"" + usd + "\",\"Unit\":\"USD\"}}}";
    }

    static String page(String token, String... groups) {
        return "{\"ResultsByTime\":[{\"TimePeriod\":{\"Start\":\"2026-11-01\",\"End\":\"2026-11-25\"},\"Total\":{},"
                + "\"Groups\":[" + String.join(",", groups) + "],\"Estimated\":true}]"
                + (token == null ? "" : ",\"NextPageToken\":\"" + token + "\"") + "}";
    }

    Map<String, String> env(Path output, Path summary) {
        // the account guard's one STS call: the credentials act in the spec's account
        wm.stubFor(post("/").atPriority(1).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(
                "Action=GetCallerIdentity")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
                .withBody("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
                        + "<Arn>arn:aws:iam::123456789012:user/ci</Arn><UserId>AIDA</UserId><Account>123456789012</Account>"
                        + "</GetCallerIdentityResult></GetCallerIdentityResponse>")));
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ENDPOINT_URL", wm.baseUrl());
        env.put("AWS_ACCESS_KEY_ID", "testing");
        env.put("AWS_SECRET_ACCESS_KEY", "testing");
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_OUTPUT", output.toString());
        env.put("GITHUB_STEP_SUMMARY", summary.toString());
        return env;
    }

    /*
     * Injected: page 1 ECS 6.25 + ELB 4.20 (token p2), page 2 Route 53 0.50 + CloudWatch 0.35 + ECR 0.10;
     * forecast for Nov 25–30: 6.60. Month to date 11.40, forecast for the month 18.00, budget 25 with alerts
     * 25/40/60 → on track (18.00 < 25, no alert reached). Estimate of the shipped spec: 72.12.
     */
    static void costExplorerAnswers(MotoServer moto) {
        wm.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(moto.endpoint())));
        wm.stubFor(post("/").atPriority(1).withHeader(TARGET, equalTo("AWSInsightsIndexService.GetCostForecast"))
                .willReturn(okJson("{\"Total\":{\"Amount\":\"6.60\",\"Unit\":\"USD\"}}")));
        moto.post("/moto-api/static/ce/cost-and-usage-results", "{\"results\":["
                + page("p2", group("Amazon Elastic Container Service", "6.25"), group("Amazon Elastic Load Balancing", "4.20"))
                + "," + page(null, group("Amazon Route 53", "0.50"), group("AmazonCloudWatch", "0.35"),
                        group("Amazon EC2 Container Registry (ECR)", "0.10"))
                + "]}", "application/json");
    }

    @Test
    void reportsMonthToDateForecastAndBudgetStatus(MotoServer moto) throws Exception {
        costExplorerAnswers(moto);
        Path output = dir.resolve("output");
        Path summary = dir.resolve("summary.md");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Main.run(new String[] {"cost", "--specs", "deploy-specs/durable-code.yaml",
                "--at", "2026-11-25T16:00:00Z"}, env(output, summary), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String outputs = Files.readString(output);
        assertThat(outputs).containsPattern("month-to-date-usd<<(\\S+)\n11.40\n\\1\n");
        assertThat(outputs).containsPattern("forecast-usd<<(\\S+)\n18.00\n\\1\n");
        assertThat(outputs).containsPattern("budget-status<<(\\S+)\non-track\n\\1\n");
        String md = Files.readString(summary);
        assertThat(md).contains("### Cost — durable-code, November 2026")
                .contains("🟢 **on track**")
                .contains("| Amazon Elastic Container Service | $6.25 |")
                .contains("| Amazon EC2 Container Registry (ECR) | $0.10 |")
                .contains("| **Total** | **$11.40** |")
                .contains("| Forecast for the month (Cost Explorer) | $18.00 |")
                .contains("| Estimate for the month (driftless cost model) | $72.12 |");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("month to date $11.40 · forecast $18.00");

        wm.verify(2, postRequestedFor(urlEqualTo("/")).withHeader(TARGET, equalTo("AWSInsightsIndexService.GetCostAndUsage")));
        wm.verify(1, postRequestedFor(urlEqualTo("/")).withHeader(TARGET, equalTo("AWSInsightsIndexService.GetCostForecast")));
        wm.verify(3, postRequestedFor(anyUrl()).withHeader(TARGET, com.github.tomakehurst.wiremock.client.WireMock.matching(
                "AWSInsightsIndexService\\..*")));
        wm.verify(4, postRequestedFor(anyUrl()));
    }

    @Test
    void costExplorerNotEnabledFailsWithTheFix() throws Exception {
        wm.stubFor(post("/").withHeader(TARGET, equalTo("AWSInsightsIndexService.GetCostAndUsage"))
                .willReturn(aResponse().withStatus(400)
                        .withBody("{\"__type\":\"AccessDeniedException\",\"Message\":\"User not enabled for cost explorer access\"}")));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"cost", "--specs", "deploy-specs/durable-code.yaml", "--at", "2026-11-25T16:00:00Z"},
                env(dir.resolve("o"), dir.resolve("s")), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("error: Cost Explorer is not enabled for this AWS account")
                .contains("fix: enable it once in the Billing and Cost Management console");
    }

    static final String REPO = "/repos/Codertocat/Hello-World";
    static final String PLAN_COMMENT = "<!-- driftless:sticky-comment -->\n"
            + "<!-- driftless:section:plan-dev -->\n### Plan — dev\n\nNo changes.\n<!-- /driftless:section:plan-dev -->\n";

    /* A pull request that already has driftless's comment (the plan's section): cost adds its section to it. */
    @Test
    void costSectionLandsInsideTheExistingPlanComment(MotoServer moto) throws Exception {
        costExplorerAnswers(moto);
        String api = github.baseUrl();
        github.stubFor(get(urlPathEqualTo(REPO)).willReturn(okJson("{\"id\":1,\"name\":\"Hello-World\","
                + "\"full_name\":\"Codertocat/Hello-World\",\"owner\":{\"login\":\"Codertocat\"},"
                + "\"url\":\"" + api + REPO + "\",\"html_url\":\"https://github.com/Codertocat/Hello-World\"}")));
        github.stubFor(get(urlPathEqualTo(REPO + "/issues/2")).willReturn(okJson("{\"id\":2,\"number\":2,"
                + "\"state\":\"open\",\"url\":\"" + api + REPO + "/issues/2\"}")));
        github.stubFor(get(urlPathEqualTo(REPO + "/issues/2/comments")).willReturn(okJson("["
                + "{\"id\":7,\"body\":\"Looks good\",\"url\":\"" + api + REPO + "/issues/comments/7\"},"
                + "{\"id\":42,\"body\":" + quote(PLAN_COMMENT) + ",\"url\":\"" + api + REPO + "/issues/comments/42\","
                + "\"user\":{\"login\":\"github-actions[bot]\",\"type\":\"Bot\"},"
                + "\"html_url\":\"https://github.com/Codertocat/Hello-World/pull/2#issuecomment-42\"}]")));
        github.stubFor(patch(urlPathEqualTo(REPO + "/issues/comments/42")).willReturn(okJson(
                "{\"id\":42,\"body\":\"updated\",\"html_url\":\"https://github.com/Codertocat/Hello-World/pull/2#issuecomment-42\"}")));
        Path event = dir.resolve("event.json");
        try (var in = getClass().getResourceAsStream("/webhooks/pull_request.opened.json")) {
            Files.copy(in, event);
        }
        Map<String, String> env = env(dir.resolve("output"), dir.resolve("summary.md"));
        env.put("GITHUB_EVENT_NAME", "pull_request");
        env.put("GITHUB_EVENT_PATH", event.toString());
        env.put("GITHUB_TOKEN", "ghs_test");
        env.put("GITHUB_API_URL", api);
        env.put("GITHUB_REPOSITORY", "Codertocat/Hello-World");
        env.put("GITHUB_RUN_ID", "99");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Main.run(new String[] {"cost", "--specs", "deploy-specs/durable-code.yaml", "--at", "2026-11-25T16:00:00Z"},
                env, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        github.verify(0, postRequestedFor(urlPathMatching(".*/comments")));
        github.verify(1, patchRequestedFor(urlPathEqualTo(REPO + "/issues/comments/42")));
        String body = new ObjectMapper().readTree(
                github.findAll(patchRequestedFor(urlPathEqualTo(REPO + "/issues/comments/42"))).get(0).getBodyAsString())
                .path("body").asText();
        assertThat(body).startsWith(PLAN_COMMENT + "<!-- driftless:section:cost -->\n### Cost — durable-code, November 2026\n");
        assertThat(body).contains("| **Total** | **$11.40** |").endsWith("<!-- /driftless:section:cost -->\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("the cost report in the pull request comment");
    }

    static String quote(String s) throws Exception {
        return new ObjectMapper().writeValueAsString(s);
    }
}
