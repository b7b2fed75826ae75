package dev.driftless.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.driftless.engine.MotoNetwork;
import dev.driftless.testing.JarRun;
import dev.driftless.testing.MotoServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * Two deploy processes on one environment. The first (run 111, access key "alpha") takes the environment's lease and
 * is held in its rollout wait (WireMock answers its DescribeServices IN_PROGRESS); the second (run 222, key "beta")
 * starts meanwhile and must exit 1 naming the holder before any write — moto's own request recorder, which logs
 * every request with its signing key, shows no write from "beta". Once the first is let finish, the second succeeds.
 * The order is made deterministic on purpose (the second starts once the first holds the lease); the race inside the
 * lease's settle window is covered by EnvironmentLeaseTest.
 */
class TwoDeploysIT {
    static final String ECS = "AmazonEC2ContainerServiceV20141113.";
    static final Set<String> WRITES = Set.of("RegisterTaskDefinition", "CreateService", "UpdateService", "TagResource",
            "UntagResource", "DeregisterTaskDefinition", "StopServiceDeployment");
    static MotoServer moto;
    static WireMockServer wire;
    static Path recording;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        recording = Files.createTempFile("driftless-two-deploys-", ".moto-recording");
        moto = MotoServer.startLauncher("/moto/rollouts.py", Map.of("MOTO_RECORDER_FILEPATH", recording.toString()));
        wire = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wire.start();
    }

    @AfterAll
    static void stop() throws Exception {
        wire.stop();
        moto.close();
        Files.deleteIfExists(recording);
    }

    JarRun deploy(String key, String runId, String tag) {
        return JarRun.of("deploy", "--specs", dir.resolve("durable-code.yaml").toString(), "--env", "dev",
                        "--service", "backend", "--image-tag", tag, "--no-tracker")
                .inActions("push", null)
                .env(Map.of("AWS_ENDPOINT_URL", wire.baseUrl(), "AWS_REGION", "us-west-2",
                        "AWS_ACCESS_KEY_ID", key, "AWS_SECRET_ACCESS_KEY", "testing",
                        "GITHUB_REPOSITORY", "acme/durable-code", "GITHUB_RUN_ID", runId,
                        "GITHUB_WORKSPACE", dir.toString()))
                .timeout(Duration.ofMinutes(3));
    }

    @Test
    void theSecondDeployIsRefusedBeforeAnyWriteWhileTheFirstHoldsTheLeaseThenSucceeds() throws Exception {
        moto.reset();
        wire.resetAll();
        wire.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(moto.endpoint())));
        MotoNetwork network = MotoNetwork.create(moto);
        Files.writeString(dir.resolve("durable-code.yaml"), Files.readString(Path.of("deploy-specs/durable-code.yaml"))
                .replace("subnet-0a1b2c3d", network.subnet()).replace("sg-0c2d3e4f", network.securityGroup()));
        try (EcsClient ecs = EcsClient.builder().endpointOverride(URI.create(moto.endpoint())).region(Region.US_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("setup", "testing")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            ecs.createCluster(r -> r.clusterName("durable-code-dev").capacityProviders("FARGATE", "FARGATE_SPOT"));
            assertThat(deploy("setup", "100", "v1").run().exitCode()).isZero();
            recorder("start-recording");

            // alpha's rollout stays IN_PROGRESS until the test lets it finish
            wire.stubFor(post(anyUrl()).atPriority(1).withHeader("X-Amz-Target", equalTo(ECS + "UpdateService"))
                    .withHeader("Authorization", containing("Credential=alpha/")).inScenario("alpha")
                    .whenScenarioStateIs(STARTED).willSetStateTo("waiting").willReturn(aResponse().proxiedFrom(moto.endpoint())));
            wire.stubFor(post(anyUrl()).atPriority(1).withHeader("X-Amz-Target", equalTo(ECS + "DescribeServices"))
                    .withHeader("Authorization", containing("Credential=alpha/")).inScenario("alpha")
                    .whenScenarioStateIs("waiting").willReturn(aResponse().withStatus(200)
                            .withHeader("Content-Type", "application/x-amz-json-1.1").withBody(SignalIT.inProgress())));

            AtomicReference<JarRun.Result> second = new AtomicReference<>();
            JarRun.Result first = deploy("alpha", "111", "v2").whenStarted((process, logs) -> {
                JarRun.awaitOutput(logs, "rollout IN_PROGRESS", Duration.ofSeconds(90));
                second.set(deploy("beta", "222", "v3").run());
                // back to the scenario's first state: alpha's DescribeServices reach moto again, where its rollout is done
                wire.setScenarioState("alpha", STARTED);
            }).run();

            JarRun.Result refused = second.get();
            assertThat(refused.exitCode()).as(refused.describe()).isEqualTo(1);
            assertThat(refused.stderr()).contains("is held by deploy by acme/durable-code run 111 (attempt 1)")
                    .contains("nothing was changed");
            assertThat(first.exitCode()).as(first.describe()).isZero();
            recorder("stop-recording");

            List<String> beta = targets("Credential=beta/");
            assertThat(beta).as("beta read the services and the lease").contains("DescribeServices", "DescribeClusters");
            assertThat(beta).as("beta wrote nothing").noneMatch(WRITES::contains);
            assertThat(targets("Credential=alpha/")).contains("RegisterTaskDefinition", "UpdateService", "TagResource",
                    "UntagResource");

            JarRun.Result after = deploy("beta", "222", "v3").run();
            assertThat(after.exitCode()).as(after.describe()).isZero();
            assertThat(ecs.describeServices(q -> q.cluster("durable-code-dev").services("backend")).services().get(0)
                    .taskDefinition()).endsWith("durable-code-dev-backend:3");
        }
    }

    /** The X-Amz-Target operations moto recorded for requests signed with {@code credential}, in order. */
    static List<String> targets(String credential) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(recording)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode entry = json.readTree(line);
            JsonNode headers = entry.path("headers");
            String auth = headers.path("Authorization").asText(headers.path("authorization").asText(""));
            String target = headers.path("X-Amz-Target").asText(headers.path("x-amz-target").asText(""));
            if (auth.contains(credential) && !target.isEmpty()) {
                out.add(target.substring(target.indexOf('.') + 1));
            }
        }
        return out;
    }

    static void recorder(String action) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(moto.endpoint() + "/moto-api/recorder/" + action)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(action + ": " + r.body()).isEqualTo(200);
    }
}
