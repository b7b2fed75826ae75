package dev.driftless.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.driftless.DriftlessException;
import dev.driftless.engine.CostExplorer;
import dev.driftless.engine.SpendReader;
import dev.driftless.plan.ActualSpend;
import dev.driftless.testing.MotoExtension;
import dev.driftless.testing.MotoServer;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * Cost Explorer through moto (GetCostAndUsage answers only what a test injects) with WireMock in front:
 * a low-priority catch-all proxy to moto, and stubs for what moto lacks (GetCostForecast) or for faults.
 */
@ExtendWith(MotoExtension.class)
class CostExplorerJsonClientTest {
    static final String TARGET = "X-Amz-Target";
    static final String USAGE = "AWSInsightsIndexService.GetCostAndUsage";
    static final String FORECAST = "AWSInsightsIndexService.GetCostForecast";
    static final CostExplorer.Tag TAG = new CostExplorer.Tag("Project", "durable-code");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    final List<Duration> sleeps = new ArrayList<>();

    CostExplorerJsonClient client() {
        return new CostExplorerJsonClient(UrlConnectionHttpClient.create(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")),
                new ServiceEndpoint(URI.create(wm.baseUrl()), "us-east-1", "ce", true),
                new RetryPolicy(4, Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(8)), sleeps::add);
    }

    void proxyTo(MotoServer moto) {
        wm.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(moto.endpoint())));
    }

    static String group(String service, String usd) {
        return "{\"Keys\":[\"" + service + "\"],\"Metrics\":{\"UnblendedCost\":{\"Amount\":\"" + usd
                + "\",\"Unit\":\"USD\"}}}";
    }

    static String result(String token, String... groups) {
        return "{\"ResultsByTime\":[{\"TimePeriod\":{\"Start\":\"2026-11-01\",\"End\":\"2026-11-25\"},"
                + "\"Total\":{},\"Groups\":[" + String.join(",", groups) + "],\"Estimated\":true}],"
                + "\"DimensionValueAttributes\":[]" + (token == null ? "" : ",\"NextPageToken\":\"" + token + "\"") + "}";
    }

    static void inject(MotoServer moto, String... results) {
        moto.post("/moto-api/static/ce/cost-and-usage-results",
                "{\"results\":[" + String.join(",", results) + "]}", "application/json");
    }

    static void forecastAnswers(String usd) {
        wm.stubFor(post("/").atPriority(1).withHeader(TARGET, equalTo(FORECAST))
                .willReturn(okJson("{\"Total\":{\"Amount\":\"" + usd + "\",\"Unit\":\"USD\"},"
                        + "\"ForecastResultsByTime\":[]}")));
    }

    static void fails(String target, int status, String type, String message) {
        wm.stubFor(post("/").atPriority(1).withHeader(TARGET, equalTo(target))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"__type\":\"" + type + "\",\"Message\":\"" + message + "\"}")));
    }

    /*
     * Page 1: ECS 6.25, Elastic Load Balancing 4.20 (NextPageToken page-2)
     * Page 2: Route 53 0.50, CloudWatch 0.35, EC2 Container Registry 0.10
     * month to date = 6.25 + 4.20 + 0.50 + 0.35 + 0.10 = 11.40; forecast for Nov 25–30 = 6.60 → month end 18.00
     */
    @Test
    void twoPagesAndOneForecastMakeTheMonth(MotoServer moto) {
        proxyTo(moto);
        inject(moto,
                result("page-2", group("Amazon Elastic Container Service", "6.25"),
                        group("Amazon Elastic Load Balancing", "4.20")),
                result(null, group("Amazon Route 53", "0.50"), group("AmazonCloudWatch", "0.35"),
                        group("Amazon EC2 Container Registry (ECR)", "0.10")));
        forecastAnswers("6.60");

        ActualSpend spend = new SpendReader(client()).read(TAG, TODAY);

        assertThat(spend.monthToDateUsd()).isCloseTo(11.40, within(1e-9));
        assertThat(spend.byService()).containsExactly(
                Map.entry("Amazon Elastic Container Service", 6.25),
                Map.entry("Amazon Elastic Load Balancing", 4.20),
                Map.entry("Amazon Route 53", 0.50),
                Map.entry("AmazonCloudWatch", 0.35),
                Map.entry("Amazon EC2 Container Registry (ECR)", 0.10));
        assertThat(spend.forecastMonthEndUsd()).hasValueSatisfying(v -> assertThat(v).isCloseTo(18.00, within(1e-9)));
        assertThat(spend.tagProblem()).isNull();
        assertThat(spend.accountMonthToDateUsd()).isNull();

        // one page sequence (first page, then the token), one forecast: counted from the journal
        wm.verify(2, postRequestedFor(urlEqualTo("/")).withHeader(TARGET, equalTo(USAGE)));
        wm.verify(1, postRequestedFor(urlEqualTo("/")).withHeader(TARGET, equalTo(FORECAST)));
        wm.verify(3, postRequestedFor(anyUrl()));
        String filter = "\"Filter\":{\"Tags\":{\"Key\":\"Project\",\"Values\":[\"durable-code\"],\"MatchOptions\":[\"EQUALS\"]}}";
        wm.verify(1, postRequestedFor(urlEqualTo("/")).withHeader(TARGET, equalTo(USAGE))
                .withRequestBody(equalToJson("{\"TimePeriod\":{\"Start\":\"2026-11-01\",\"End\":\"2026-11-25\"},"
                        + "\"Granularity\":\"MONTHLY\",\"Metrics\":[\"UnblendedCost\"]," + filter + ","
                        + "\"GroupBy\":[{\"Type\":\"DIMENSION\",\"Key\":\"SERVICE\"}]}")));
        wm.verify(1, postRequestedFor(urlEqualTo("/")).withHeader(TARGET, equalTo(USAGE))
                .withRequestBody(equalToJson("{\"NextPageToken\":\"page-2\"}", true, true)));
        wm.verify(1, postRequestedFor(urlEqualTo("/")).withHeader(TARGET, equalTo(FORECAST))
                .withRequestBody(equalToJson("{\"TimePeriod\":{\"Start\":\"2026-11-25\",\"End\":\"2026-12-01\"},"
                        + "\"Metric\":\"UNBLENDED_COST\",\"Granularity\":\"MONTHLY\"," + filter + "}")));
        // SigV4 for Cost Explorer's home, us-east-1, whatever region the application is in
        wm.verify(3, postRequestedFor(anyUrl())
                .withHeader("Content-Type", equalTo("application/x-amz-json-1.1"))
                .withHeader("Authorization", matching(
                        "AWS4-HMAC-SHA256 Credential=testing/\\d{8}/us-east-1/ce/aws4_request, SignedHeaders=.*x-amz-target.*")));
    }

    @Test
    void forecastWithoutEnoughHistoryStillReportsMonthToDate(MotoServer moto) {
        proxyTo(moto);
        inject(moto, result(null, group("Amazon Elastic Container Service", "2.00")));
        fails(FORECAST, 400, "DataUnavailableException", "Insufficient amount of historical data to generate forecast.");

        ActualSpend spend = new SpendReader(client()).read(TAG, TODAY);

        assertThat(spend.monthToDateUsd()).isEqualTo(2.00);
        assertThat(spend.forecastMonthEndUsd()).isEmpty();
        assertThat(spend.forecastMissing()).contains("Insufficient amount of historical data")
                .contains("enough spending history");
        assertThat(sleeps).isEmpty();
    }

    /* Tagged cost 0 but the account spent 12.34: one more, unfiltered query, and no forecast. */
    @Test
    void tagNotActivatedIsExplained(MotoServer moto) {
        proxyTo(moto);
        String accountWide = "{\"ResultsByTime\":[{\"TimePeriod\":{\"Start\":\"2026-11-01\",\"End\":\"2026-11-25\"},"
                + "\"Total\":{\"UnblendedCost\":{\"Amount\":\"12.34\",\"Unit\":\"USD\"}},\"Groups\":[],"
                + "\"Estimated\":true}],\"DimensionValueAttributes\":[]}";
        inject(moto, result(null), accountWide);

        ActualSpend spend = new SpendReader(client()).read(TAG, TODAY);

        assertThat(spend.monthToDateUsd()).isZero();
        assertThat(spend.accountMonthToDateUsd()).isEqualTo(12.34);
        assertThat(spend.tagProblem())
                .contains("no cost tagged Project=durable-code")
                .contains("$12.34")
                .contains("not activated as a cost-allocation tag")
                .contains("TagKey=Project,Status=Active");
        assertThat(spend.forecastMissing()).contains("not asked");
        wm.verify(2, postRequestedFor(urlEqualTo("/")).withHeader(TARGET, equalTo(USAGE)));
        wm.verify(1, postRequestedFor(urlEqualTo("/")).withHeader(TARGET, equalTo(USAGE))
                .withRequestBody(equalToJson("{\"TimePeriod\":{\"Start\":\"2026-11-01\",\"End\":\"2026-11-25\"},"
                        + "\"Granularity\":\"MONTHLY\",\"Metrics\":[\"UnblendedCost\"]}")));
        wm.verify(0, postRequestedFor(urlEqualTo("/")).withHeader(TARGET, equalTo(FORECAST)));
    }

    /* Tagged cost 0 and the account has none either: nothing to explain, the forecast is still asked. */
    @Test
    void zeroEverywhereIsNotATagProblem(MotoServer moto) {
        proxyTo(moto);
        forecastAnswers("0.00");
        ActualSpend spend = new SpendReader(client()).read(TAG, TODAY);
        assertThat(spend.tagProblem()).isNull();
        assertThat(spend.accountMonthToDateUsd()).isZero();
        wm.verify(1, postRequestedFor(urlEqualTo("/")).withHeader(TARGET, equalTo(FORECAST)));
    }

    @Test
    void costExplorerNotEnabledSaysHowToEnableIt() {
        fails(USAGE, 400, "AccessDeniedException", "User not enabled for cost explorer access");
        assertThatThrownBy(() -> new SpendReader(client()).read(TAG, TODAY))
                .isInstanceOfSatisfying(DriftlessException.class, e -> {
                    assertThat(e.getMessage()).contains("Cost Explorer is not enabled for this AWS account");
                    assertThat(e.hint()).contains("Launch Cost Explorer").contains("management (payer) account");
                });
    }

    @Test
    void accessDeniedNamesTheIamAction() {
        fails(USAGE, 400, "AccessDeniedException",
                "User: arn:aws:sts::123456789012:assumed-role/deploy/gh is not authorized to perform: ce:GetCostAndUsage");
        assertThatThrownBy(() -> new SpendReader(client()).read(TAG, TODAY))
                .isInstanceOfSatisfying(DriftlessException.class, e -> {
                    assertThat(e.getMessage()).startsWith("not allowed to call ce:GetCostAndUsage");
                    assertThat(e.hint()).contains("grant ce:GetCostAndUsage");
                });
    }

    @Test
    void forecastAccessDeniedNamesItsActionWithoutFailingTheRun(MotoServer moto) {
        proxyTo(moto);
        inject(moto, result(null, group("Amazon Elastic Container Service", "1.00")));
        fails(FORECAST, 400, "com.amazonaws.ce#AccessDeniedException", "not authorized to perform: ce:GetCostForecast");
        ActualSpend spend = new SpendReader(client()).read(TAG, TODAY);
        assertThat(spend.monthToDateUsd()).isEqualTo(1.00);
        assertThat(spend.forecastMissing()).contains("not allowed to call ce:GetCostForecast")
                .contains("grant ce:GetCostForecast");
    }

    @Test
    void dataUnavailableForMonthToDateIsExplained() {
        fails(USAGE, 400, "DataUnavailableException", "Data is not available. Please try to adjust the time period.");
        assertThatThrownBy(() -> new SpendReader(client()).read(TAG, TODAY))
                .isInstanceOfSatisfying(DriftlessException.class, e -> {
                    assertThat(e.getMessage()).contains("Cost Explorer has no data for this period");
                    assertThat(e.hint()).contains("24 hours");
                });
    }

    /* Throttled, then a 503, then the answer: retried with jittered, growing waits through the Sleeper. */
    @Test
    void throttlingAndServerErrorsAreRetriedWithBackoff() {
        String s = "throttled";
        wm.stubFor(post("/").withHeader(TARGET, equalTo(FORECAST)).inScenario(s).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(400)
                        .withBody("{\"__type\":\"LimitExceededException\",\"Message\":\"Rate exceeded\"}"))
                .willSetStateTo("5xx"));
        wm.stubFor(post("/").withHeader(TARGET, equalTo(FORECAST)).inScenario(s).whenScenarioStateIs("5xx")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
        wm.stubFor(post("/").withHeader(TARGET, equalTo(FORECAST)).inScenario(s).whenScenarioStateIs("ok")
                .willReturn(okJson("{\"Total\":{\"Amount\":\"3.21\",\"Unit\":\"USD\"}}")));

        double usd = client().forecast(TODAY, TODAY.plusDays(6), TAG);

        assertThat(usd).isEqualTo(3.21);
        assertThat(sleeps).hasSize(2);
        // full jitter: throttled → up to the throttling base (500 ms); 5xx, second retry → up to 2 × 200 ms
        assertThat(sleeps.get(0)).isBetween(Duration.ZERO, Duration.ofMillis(500));
        assertThat(sleeps.get(1)).isBetween(Duration.ZERO, Duration.ofMillis(400));
        wm.verify(3, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void persistentThrottlingGivesUpAfterFourAttempts() {
        fails(USAGE, 400, "ThrottlingException", "Rate exceeded");
        assertThatThrownBy(() -> client().costAndUsage(new CostExplorer.Query(TODAY.withDayOfMonth(1), TODAY, TAG, true), null))
                .isInstanceOf(DriftlessException.class).hasMessageContaining("ThrottlingException");
        assertThat(sleeps).hasSize(3);
        wm.verify(4, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void costExplorerIsSignedForUsEast1WhateverTheRegionAndHonoursTheOverrides() {
        ServiceEndpoint plain = AwsSettings.of("us-west-2", Map.of()).endpoint(ServiceId.COST_EXPLORER);
        assertThat(plain).isEqualTo(new ServiceEndpoint(
                URI.create("https://ce.us-east-1.amazonaws.com"), "us-east-1", "ce", false));
        assertThat(AwsSettings.of("us-west-2", Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:5000"))
                .endpoint(ServiceId.COST_EXPLORER).uri()).isEqualTo(URI.create("http://127.0.0.1:5000"));
        assertThat(AwsSettings.of("us-west-2", Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:5000",
                "AWS_ENDPOINT_URL_COST_EXPLORER", "http://127.0.0.1:6000"))
                .endpoint(ServiceId.COST_EXPLORER).uri()).isEqualTo(URI.create("http://127.0.0.1:6000"));
    }
}
