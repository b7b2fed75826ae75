package dev.driftless.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.driftless.engine.MotoNetwork;
import dev.driftless.testing.GitHubStubs;
import dev.driftless.testing.JarRun;
import dev.driftless.testing.MotoServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * The push (deploy.yml), schedule (schedule.yml) and workflow_dispatch (rollback.yml) flows end to end: the
 * jar run as the runner runs it, with the real event payloads, OIDC through the runtime's token endpoint
 * (WireMock) and moto's STS, ECS in moto (patched to complete rollouts), GitHub in WireMock.
 */
class WorkflowFlowsIT {
    private static final String REPO = "Codertocat/Hello-World";
    private static final String TRACKER = "/repos/" + REPO + "/contents/planning/deployment/PROGRESS_TRACKER.md";
    private static final String SHA = "6113728f27ae82c7b1a177c8d03f9e96e0adf246";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static MotoServer moto;

    @RegisterExtension
    static WireMockExtension github = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;
    private Path specs;

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.startLauncher("/moto/rollouts.py", Map.of());
    }

    @AfterAll
    static void stopMoto() {
        moto.close();
    }

    @BeforeEach
    void sampleSpecAgainstAFreshMoto() throws IOException {
        moto.reset();
        MotoNetwork network = MotoNetwork.create(moto);
        specs = dir.resolve("durable-code.yaml");
        Files.writeString(specs, Files.readString(Path.of("deploy-specs/durable-code.yaml"))
                .replace("subnet-0a1b2c3d", network.subnet()).replace("sg-0c2d3e4f", network.securityGroup()));
        try (EcsClient ecs = ecs()) {
            ecs.createCluster(r -> r.clusterName("durable-code-dev").capacityProviders("FARGATE", "FARGATE_SPOT"));
        }
        GitHubStubs.stubBasics(github, REPO, "repo:" + REPO + ":ref:refs/heads/master");
        github.stubFor(get(urlPathEqualTo("/repos/" + REPO + "/commits/" + SHA)).willReturn(GitHubStubs.json(
                "{\"sha\":\"" + SHA + "\",\"url\":\"" + github.baseUrl() + "/repos/" + REPO + "/commits/" + SHA + "\"}")));
        github.stubFor(get(urlPathEqualTo("/repos/" + REPO + "/commits/" + SHA + "/pulls")).willReturn(GitHubStubs.json("[]")));
        GitHubStubs.stubDeployments(github, REPO, 77, SHA);
        github.stubFor(get(urlPathEqualTo(TRACKER)).willReturn(GitHubStubs.json("{\"type\":\"file\",\"encoding\":\"base64\","
                + "\"name\":\"PROGRESS_TRACKER.md\",\"path\":\"planning/deployment/PROGRESS_TRACKER.md\",\"sha\":\"tracker-1\","
                + "\"content\":\"" + Base64.getEncoder().encodeToString(fixtureTracker().getBytes(StandardCharsets.UTF_8)) + "\"}")));
        github.stubFor(put(urlPathEqualTo(TRACKER)).willReturn(GitHubStubs.json(
                "{\"content\":{\"sha\":\"tracker-2\"},\"commit\":{\"sha\":\"c0ffee\"}}")));
    }

    @Test
    void pushDeploysTheSampleRecordsTheGitHubDeploymentAndCommitsTheTracker() {
        JarRun.Result deploy = flow("deploy", "push", "webhooks/push.main.json").env("INPUT_IMAGE-TAG", "v1").run();

        assertThat(deploy.exitCode()).as(deploy.describe()).isZero();
        assertThat(deploy.outputs()).containsEntry("deployed", "true").containsEntry("rolled-back", "false");
        assertThat(deploy.outputs().get("task-definition-arns")).contains("durable-code-dev-backend:1")
                .contains("durable-code-dev-frontend:1");
        assertThat(deploy.summary()).contains("| backend | created |").contains("| frontend | created |");
        assertThat(desired("backend")).isEqualTo(1);
        github.verify(1, postRequestedFor(urlPathEqualTo("/repos/" + REPO + "/deployments"))
                .withRequestBody(matchingJsonPath("$.environment", equalTo("dev"))));
        assertThat(github.findAll(postRequestedFor(urlPathEqualTo("/repos/" + REPO + "/deployments/77/statuses"))))
                .extracting(r -> JSON.readTree(r.getBodyAsString()).get("state").asText())
                .containsExactly("in_progress", "success");
        github.verify(postRequestedFor(urlPathEqualTo("/repos/" + REPO + "/deployments/77/statuses"))
                .withRequestBody(matchingJsonPath("$.state", equalTo("success")))
                .withRequestBody(matchingJsonPath("$.environment_url", equalTo("https://dev.durable-code.example.com"))));
        github.verify(1, putRequestedFor(urlPathEqualTo(TRACKER))
                .withRequestBody(matchingJsonPath("$.sha", equalTo("tracker-1")))
                .withRequestBody(matchingJsonPath("$.message", containing("deployed durable-code dev at 6113728")))
                .withRequestBody(matchingJsonPath("$.message", containing("[skip ci]"))));
        assertNoSecretsPrinted(deploy);
    }

    @Test
    void theHourlyScheduleStopsAt23AndStartsAt0830LosAngelesTime() {
        assertThat(flow("deploy", "push", "webhooks/push.main.json").env("INPUT_IMAGE-TAG", "v1").run().exitCode()).isZero();

        // Wednesday 2026-11-25 23:00 and Thursday 2026-11-26 08:30 in America/Los_Angeles (UTC-8)
        JarRun.Result stop = flow("schedule", "schedule", "webhooks/schedule.json").env("INPUT_AT", "2026-11-26T07:00:00Z").run();
        assertThat(stop.exitCode()).as(stop.describe()).isZero();
        assertThat(stop.outputs()).containsEntry("action", "stopped").containsEntry("next-transition", "start 2026-11-26T16:00:00Z");
        assertThat(desired("backend")).isZero();
        assertThat(desired("frontend")).isZero();

        JarRun.Result start = flow("schedule", "schedule", "webhooks/schedule.json").env("INPUT_AT", "2026-11-26T16:30:00Z").run();
        assertThat(start.exitCode()).as(start.describe()).isZero();
        assertThat(start.outputs()).containsEntry("action", "started");
        assertThat(desired("backend")).isEqualTo(1);
        assertThat(desired("frontend")).isEqualTo(1);
        assertNoSecretsPrinted(stop);
        assertNoSecretsPrinted(start);
    }

    @Test
    void workflowDispatchRollsBackWithItsInputs() {
        assertThat(flow("deploy", "push", "webhooks/push.main.json").env("INPUT_IMAGE-TAG", "v1").run().exitCode()).isZero();
        assertThat(flow("deploy", "push", "webhooks/push.main.json").env("INPUT_IMAGE-TAG", "v2").run().exitCode()).isZero();
        assertThat(taskDefinition("backend")).endsWith("durable-code-dev-backend:2");

        // rollback.yml passes the dispatch inputs environment, service and target as the action's inputs
        JarRun.Result rollback = flow("rollback", "workflow_dispatch", "webhooks/workflow_dispatch.json")
                .env("INPUT_SERVICES", "backend").env("INPUT_TO", "previous").run();

        assertThat(rollback.exitCode()).as(rollback.describe()).isZero();
        assertThat(rollback.outputs()).containsEntry("rolled-back", "true");
        assertThat(taskDefinition("backend")).endsWith("durable-code-dev-backend:1");
        assertThat(taskDefinition("frontend")).endsWith("durable-code-dev-frontend:2");
        assertNoSecretsPrinted(rollback);
    }

    private JarRun flow(String command, String event, String payload) {
        return JarRun.of(command)
                .inActions(event, payload)
                .env(Map.of("AWS_ENDPOINT_URL", moto.endpoint(), "AWS_REGION", "us-west-2"))
                .env(GitHubStubs.environment(github, REPO))
                .env("GITHUB_SHA", SHA)
                .env("INPUT_SPECS", specs.toString())
                // the checkout holds the specs; driftless refuses a --specs outside GITHUB_WORKSPACE in Actions
                .env("GITHUB_WORKSPACE", specs.getParent().toString())
                .env("INPUT_ENVIRONMENT", "dev");
    }

    private static void assertNoSecretsPrinted(JarRun.Result r) {
        assertThat((r.stdout() + r.stderr()).lines().filter(l -> !l.startsWith("::add-mask::")))
                .noneMatch(l -> l.contains(GitHubStubs.TOKEN) || l.contains(GitHubStubs.ID_TOKEN_REQUEST_TOKEN));
        assertThat(r.summary()).doesNotContain(GitHubStubs.TOKEN);
    }

    private static int desired(String service) {
        try (EcsClient ecs = ecs()) {
            return ecs.describeServices(b -> b.cluster("durable-code-dev").services(service)).services().get(0).desiredCount();
        }
    }

    private static String taskDefinition(String service) {
        try (EcsClient ecs = ecs()) {
            return ecs.describeServices(b -> b.cluster("durable-code-dev").services(service)).services().get(0).taskDefinition();
        }
    }

    private static EcsClient ecs() {
        return EcsClient.builder().endpointOverride(URI.create(moto.endpoint())).region(Region.US_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static String fixtureTracker() {
        try (InputStream in = WorkflowFlowsIT.class.getResourceAsStream("/tracker/PROGRESS_TRACKER.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
