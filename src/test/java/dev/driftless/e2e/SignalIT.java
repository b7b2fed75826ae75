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

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.driftless.engine.MotoNetwork;
import dev.driftless.testing.JarRun;
import dev.driftless.testing.MotoServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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
 * A cancelled workflow: the runner sends SIGTERM to a deploy that is waiting for a rollout (WireMock keeps it
 * IN_PROGRESS). The jar stops the wait, sends the rollback, writes its report and exits non-zero.
 */
class SignalIT {
    static final String TD = "arn:aws:ecs:us-west-2:123456789012:task-definition/durable-code-dev-backend:";
    static final String ECS = "AmazonEC2ContainerServiceV20141113.";
    static MotoServer moto;
    static WireMockServer wire;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        moto = MotoServer.startLauncher("/moto/rollouts.py", Map.of());
        wire = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wire.start();
    }

    @AfterAll
    static void stop() {
        wire.stop();
        moto.close();
    }

    static String inProgress() {
        String d2 = "{\"id\":\"ecs-svc/2\",\"status\":\"PRIMARY\",\"taskDefinition\":\"" + TD + "2\",\"desiredCount\":1,"
                + "\"runningCount\":0,\"pendingCount\":1,\"failedTasks\":0,\"rolloutState\":\"IN_PROGRESS\"}";
        String d1 = "{\"id\":\"ecs-svc/1\",\"status\":\"ACTIVE\",\"taskDefinition\":\"" + TD + "1\",\"desiredCount\":1,"
                + "\"runningCount\":1,\"pendingCount\":0,\"failedTasks\":0,\"rolloutState\":\"COMPLETED\"}";
        return "{\"services\":[{\"serviceName\":\"backend\",\"serviceArn\":\"arn:aws:ecs:us-west-2:123456789012:service/"
                + "durable-code-dev/backend\",\"status\":\"ACTIVE\",\"desiredCount\":1,\"runningCount\":1,\"pendingCount\":1,"
                + "\"taskDefinition\":\"" + TD + "2\",\"deployments\":[" + d2 + "," + d1 + "],\"events\":[],\"tags\":[]}],"
                + "\"failures\":[]}";
    }

    JarRun deploy(String tag) {
        return JarRun.of("deploy", "--specs", dir.resolve("durable-code.yaml").toString(), "--env", "dev",
                        "--service", "backend", "--image-tag", tag)
                .inActions("push", null)
                .env(Map.of("AWS_ENDPOINT_URL", wire.baseUrl(), "AWS_REGION", "us-west-2",
                        "AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing",
                        // the checkout holds the spec: driftless refuses a --specs outside GITHUB_WORKSPACE in Actions
                        "GITHUB_WORKSPACE", dir.toString()))
                .timeout(Duration.ofMinutes(2));
    }

    @Test
    void sigtermWhileWaitingSendsTheRollbackReportsAndExitsNonZero() throws Exception {
        moto.reset();
        wire.resetAll();
        wire.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(moto.endpoint())));
        MotoNetwork network = MotoNetwork.create(moto);
        Files.writeString(dir.resolve("durable-code.yaml"), Files.readString(Path.of("deploy-specs/durable-code.yaml"))
                .replace("subnet-0a1b2c3d", network.subnet()).replace("sg-0c2d3e4f", network.securityGroup()));
        try (EcsClient ecs = EcsClient.builder().endpointOverride(URI.create(moto.endpoint())).region(Region.US_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            ecs.createCluster(r -> r.clusterName("durable-code-dev").capacityProviders("FARGATE", "FARGATE_SPOT"));
            assertThat(deploy("v1").run().exitCode()).isZero();

            wire.stubFor(post(anyUrl()).atPriority(1).withHeader("X-Amz-Target", equalTo(ECS + "UpdateService"))
                    .withRequestBody(containing("backend:2")).inScenario("slow").whenScenarioStateIs(STARTED)
                    .willSetStateTo("updated").willReturn(aResponse().proxiedFrom(moto.endpoint())));
            wire.stubFor(post(anyUrl()).atPriority(1).withHeader("X-Amz-Target", equalTo(ECS + "DescribeServices"))
                    .inScenario("slow").whenScenarioStateIs("updated").willReturn(aResponse().withStatus(200)
                            .withHeader("Content-Type", "application/x-amz-json-1.1").withBody(inProgress())));

            JarRun.Result r = deploy("v2").whenStarted((process, logs) -> {
                // the runner cancels once the rollout is being waited for
                JarRun.awaitOutput(logs, "rollout IN_PROGRESS", Duration.ofSeconds(60));
                process.destroy();
            }).run();

            assertThat(r.exitCode()).as(r.describe()).isEqualTo(143);
            assertThat(r.stderr()).contains("stopped by a signal");
            assertThat(r.summary()).contains("backend")
                    .contains("rollback to durable-code-dev-backend:1 was sent; the run was interrupted");
            assertThat(ecs.describeServices(q -> q.cluster("durable-code-dev").services("backend")).services().get(0)
                    .taskDefinition()).isEqualTo(TD + "1");
        }
    }
}
