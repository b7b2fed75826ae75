package dev.driftless.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.driftless.engine.ServiceResult.Outcome;
import dev.driftless.testing.MotoServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deploy with WireMock in front of moto: rollouts that fail, hang or get throttled, which moto cannot
 * model. Every request not stubbed here is proxied to moto.
 */
class DeployerFaultsTest {
    static final String ECS = "AmazonEC2ContainerServiceV20141113.";
    static final String TD = "arn:aws:ecs:us-west-2:123456789012:task-definition/durable-code-dev-backend:";
    static final String JSON = "application/x-amz-json-1.1";
    static MotoServer moto;
    static WireMockServer wire;
    MotoNetwork network;
    DeployFixture f;

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

    @BeforeEach
    void deployV1ThenPutWireMockInFront() {
        moto.reset();
        wire.resetAll();
        wire.stubFor(post(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(moto.endpoint())));
        network = MotoNetwork.create(moto);
        try (DeployFixture direct = new DeployFixture(moto.endpoint())) {
            direct.createCluster();
            assertThat(direct.deploy(DeployFixture.spec(network), "v1").ok()).isTrue();
        }
        f = new DeployFixture(wire.baseUrl());
    }

    @AfterEach
    void close() {
        f.close();
    }

    static MappingBuilder ecs(String operation) {
        return post(anyUrl()).atPriority(1).withHeader("X-Amz-Target", equalTo(ECS + operation));
    }

    static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", JSON).withBody(body);
    }

    /** UpdateService goes through to moto but moves the scenario on, so later stubs answer for "after the update". */
    void updatesMoveTheScenario() {
        wire.stubFor(ecs("UpdateService").inScenario("rollout").whenScenarioStateIs(STARTED).willSetStateTo("updated")
                .willReturn(aResponse().proxiedFrom(moto.endpoint())));
        wire.stubFor(ecs("UpdateService").inScenario("rollout").whenScenarioStateIs("updated").willSetStateTo("rolled back")
                .willReturn(aResponse().proxiedFrom(moto.endpoint())));
    }

    static String backend(String deployments, String events) {
        return "{\"services\":[{\"serviceName\":\"backend\",\"serviceArn\":\"arn:aws:ecs:us-west-2:123456789012:service/"
                + DeployFixture.CLUSTER + "/backend\",\"status\":\"ACTIVE\",\"desiredCount\":1,\"runningCount\":1,"
                + "\"pendingCount\":0,\"taskDefinition\":\"" + TD + "2\",\"deployments\":[" + deployments + "],"
                + "\"events\":[" + events + "],\"tags\":[]}],\"failures\":[]}";
    }

    static String deployment(String id, String status, int revision, String rollout, int running, int failed) {
        return "{\"id\":\"" + id + "\",\"status\":\"" + status + "\",\"taskDefinition\":\"" + TD + revision + "\","
                + "\"desiredCount\":1,\"runningCount\":" + running + ",\"pendingCount\":0,\"failedTasks\":" + failed
                + ",\"rolloutState\":\"" + rollout + "\",\"rolloutStateReason\":\"" + (rollout.equals("FAILED")
                ? "ECS deployment circuit breaker: tasks failed to start." : "ECS deployment in progress.")
                + "\",\"createdAt\":" + Instant.parse("2026-11-25T10:00:05Z").getEpochSecond() + "}";
    }

    DeployReport deployBackend(boolean noRollback) {
        return f.deploy(DeployFixture.spec(network), new ImageSelection(Map.of(), "v2"),
                new DeployOptions(Duration.ofMinutes(20), false, !noRollback, false, 10, "abc"), List.of("backend"), false);
    }

    @Test
    void aCircuitBreakerFailureFailsTheDeployWithTheStoppedTasksReasonsAndRollsBack() {
        updatesMoveTheScenario();
        wire.stubFor(ecs("DescribeServices").inScenario("rollout").whenScenarioStateIs("updated").willReturn(json(backend(
                deployment("ecs-svc/2", "PRIMARY", 2, "FAILED", 0, 3) + "," + deployment("ecs-svc/1", "ACTIVE", 1, "COMPLETED", 1, 0),
                // ECS stamps it after every event the plan read (moto's, in real time)
                "{\"id\":\"e9\",\"createdAt\":" + Instant.now().plusSeconds(60).getEpochSecond()
                        + ",\"message\":\"(service backend) deployment ecs-svc/2 deployment failed: tasks failed to start.\"}"))));
        wire.stubFor(ecs("ListTasks").willReturn(json(
                "{\"taskArns\":[\"arn:aws:ecs:us-west-2:123456789012:task/durable-code-dev/0f1e2d\"]}")));
        wire.stubFor(ecs("DescribeTasks").willReturn(json("{\"tasks\":[{\"taskArn\":\"arn:aws:ecs:us-west-2:123456789012:"
                + "task/durable-code-dev/0f1e2d\",\"taskDefinitionArn\":\"" + TD + "2\",\"lastStatus\":\"STOPPED\","
                + "\"stoppedReason\":\"CannotPullContainerError: pull image manifest has been retried 5 time(s): "
                + "durable-code-backend:v2 not found\",\"containers\":[{\"name\":\"backend\",\"reason\":"
                + "\"CannotPullContainerError: image not found\"}]}],\"failures\":[]}")));

        DeployReport report = deployBackend(false);

        assertThat(report.ok()).isFalse();
        ServiceResult backend = report.services().get(0);
        assertThat(backend.outcome()).isEqualTo(Outcome.FAILED_ROLLED_BACK);
        assertThat(backend.attempted()).isEqualTo(TD + "2");
        assertThat(backend.taskDefinitionArn()).isEqualTo(TD + "1");
        assertThat(backend.reasons())
                .anyMatch(r -> r.contains("rollout FAILED") && r.contains("circuit breaker"))
                .anyMatch(r -> r.contains("CannotPullContainerError: pull image manifest") && r.contains("backend: CannotPullContainerError"))
                .anyMatch(r -> r.contains("deployment failed: tasks failed to start"))
                .anyMatch(r -> r.contains("rolled back to durable-code-dev-backend:1 (stable)"));
        wire.verify(1, postRequestedFor(anyUrl()).withHeader("X-Amz-Target", equalTo(ECS + "UpdateService"))
                .withRequestBody(containing("\"taskDefinition\":\"" + TD + "1\"")));
        assertThat(f.progress.lines).anyMatch(l -> l.contains("task 0f1e2d stopped: CannotPullContainerError"));
    }

    @Test
    void withNoRollbackAFailureIsReportedAndLeftAsECSLeftIt() {
        updatesMoveTheScenario();
        wire.stubFor(ecs("DescribeServices").inScenario("rollout").whenScenarioStateIs("updated").willReturn(json(backend(
                deployment("ecs-svc/2", "PRIMARY", 2, "FAILED", 0, 1) + "," + deployment("ecs-svc/1", "ACTIVE", 1, "COMPLETED", 1, 0),
                ""))));
        wire.stubFor(ecs("ListTasks").willReturn(json("{\"taskArns\":[]}")));

        DeployReport report = deployBackend(true);

        assertThat(report.services().get(0).outcome()).isEqualTo(Outcome.FAILED);
        wire.verify(1, postRequestedFor(anyUrl()).withHeader("X-Amz-Target", equalTo(ECS + "UpdateService")));
    }

    @Test
    void aTimeoutRollsBackToThePreviousRevision() {
        updatesMoveTheScenario();
        wire.stubFor(ecs("DescribeServices").inScenario("rollout").whenScenarioStateIs("updated").willReturn(json(backend(
                deployment("ecs-svc/2", "PRIMARY", 2, "IN_PROGRESS", 0, 0) + "," + deployment("ecs-svc/1", "ACTIVE", 1, "COMPLETED", 1, 0),
                ""))));

        DeployReport report = deployBackend(false);

        ServiceResult backend = report.services().get(0);
        assertThat(backend.outcome()).isEqualTo(Outcome.FAILED_ROLLED_BACK);
        assertThat(backend.reasons()).anyMatch(r -> r.contains("not stable after 20m"));
        assertThat(backend.taskDefinitionArn()).isEqualTo(TD + "1");
        wire.verify(1, postRequestedFor(anyUrl()).withHeader("X-Amz-Target", equalTo(ECS + "UpdateService"))
                .withRequestBody(containing("\"taskDefinition\":\"" + TD + "1\"")));
        assertThat(f.clock.instant()).isAfterOrEqualTo(Instant.parse("2026-11-25T10:20:00Z"));
    }

    @Test
    void aThrottledCallIsRetriedAndTheDeploySucceeds() {
        wire.stubFor(ecs("UpdateService").inScenario("throttle").whenScenarioStateIs(STARTED).willSetStateTo("once")
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", JSON)
                        .withBody("{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}")));

        DeployReport report = deployBackend(false);

        assertThat(report.ok()).isTrue();
        assertThat(report.services().get(0).outcome()).isEqualTo(Outcome.DEPLOYED);
        assertThat(report.services().get(0).taskDefinitionArn()).isEqualTo(TD + "2");
        wire.verify(2, postRequestedFor(anyUrl()).withHeader("X-Amz-Target", equalTo(ECS + "UpdateService")));
    }

    @Test
    void aTimeoutReadsOnceKeepsTheRegisteredRevisionAndSaysWhatToDo() {
        updatesMoveTheScenario();
        wire.stubFor(ecs("DescribeServices").inScenario("rollout").whenScenarioStateIs("updated").willReturn(json(backend(
                deployment("ecs-svc/2", "PRIMARY", 2, "IN_PROGRESS", 0, 0) + "," + deployment("ecs-svc/1", "ACTIVE", 1, "COMPLETED", 1, 0),
                ""))));

        DeployReport report = deployBackend(true);

        ServiceResult backend = report.services().get(0);
        assertThat(backend.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(backend.reasons()).filteredOn(r -> r.contains("not stable after 20m")).hasSize(1);
        assertThat(backend.reasons()).filteredOn(r -> r.startsWith("fix: ")).singleElement().asString()
                .contains("raise `timeout`").contains("grace period");
        assertThat(backend.taskDefinitionArn()).isEqualTo(TD + "2");
        assertThat(report.taskDefinitionArns()).containsEntry("backend", TD + "2");
        assertThat(backend.changes()).containsExactly("registered durable-code-dev-backend:2",
                "updated the service to durable-code-dev-backend:2");
        // the reason is in the result (and its one annotation), not repeated in the progress lines
        assertThat(f.progress.lines).noneMatch(l -> l.contains("not stable after"));
    }
}
