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
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.driftless.engine.ServiceResult.Outcome;
import dev.driftless.plan.ServiceTags;
import dev.driftless.testing.AppliedThenLost;
import dev.driftless.testing.MotoServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * Faults in the middle of a two-service deploy (WireMock in front of moto): whatever fails after the first
 * write, the report has a row per service saying what this run changed, what was rolled back and what was
 * left untouched, and moto's final state is what the report says. Lost answers are resolved by reading,
 * never by writing again.
 */
class DeployStoppedRunTest {
    static final String ECS = "AmazonEC2ContainerServiceV20141113.";
    static final String BACKEND = "arn:aws:ecs:us-west-2:123456789012:task-definition/durable-code-dev-backend:";
    static final String FRONTEND = "arn:aws:ecs:us-west-2:123456789012:task-definition/durable-code-dev-frontend:";
    static final String JSON = "application/x-amz-json-1.1";
    static MotoServer moto;
    static WireMockServer wire;
    MotoNetwork network;
    DeployFixture f;
    DeployFixture direct;

    @BeforeAll
    static void start() {
        moto = MotoServer.startLauncher("/moto/rollouts.py", Map.of());
        wire = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .extensions(new AppliedThenLost(moto.endpoint())));
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
        direct = new DeployFixture(moto.endpoint());
        direct.createCluster();
        assertThat(direct.deploy(DeployFixture.spec(network), "v1").ok()).isTrue();
        f = new DeployFixture(wire.baseUrl());
    }

    @AfterEach
    void close() {
        f.close();
        direct.close();
    }

    static MappingBuilder ecs(String operation) {
        return post(anyUrl()).atPriority(1).withHeader("X-Amz-Target", equalTo(ECS + operation));
    }

    /** The frontend's UpdateService to v2 (the second service's write) moves the scenario to "updated". */
    static MappingBuilder frontendUpdate() {
        return ecs("UpdateService").withRequestBody(containing("\"service\":\"frontend\""))
                .withRequestBody(containing("frontend:2"));
    }

    DeployReport deployV2(boolean rollback) {
        return f.deploy(DeployFixture.spec(network), new ImageSelection(Map.of(), "v2"),
                new DeployOptions(Duration.ofMinutes(20), false, rollback, false, 10, "abc"), List.of(), false);
    }

    Map<String, ServiceResult> rows(DeployReport report) {
        assertThat(report.services()).extracting(ServiceResult::service).containsExactly("backend", "frontend");
        return report.services().stream().collect(Collectors.toMap(ServiceResult::service, r -> r));
    }

    /** What moto runs now, per service. */
    Map<String, String> live() {
        return direct.ecs.describeServices(r -> r.cluster(DeployFixture.CLUSTER).services("backend", "frontend"))
                .services().stream().collect(Collectors.toMap(s -> s.serviceName(), s -> s.taskDefinition()));
    }

    List<String> revisions(String family) {
        return direct.ecs.listTaskDefinitions(r -> r.familyPrefix(family)).taskDefinitionArns().stream().sorted().toList();
    }

    Map<String, String> serviceTags(String service) {
        String arn = "arn:aws:ecs:us-west-2:123456789012:service/" + DeployFixture.CLUSTER + "/" + service;
        return direct.ecs.listTagsForResource(r -> r.resourceArn(arn)).tags().stream()
                .collect(Collectors.toMap(Tag::key, Tag::value));
    }

    int calls(String operation, String bodyPart) {
        return wire.findAll(postRequestedFor(anyUrl()).withHeader("X-Amz-Target", equalTo(ECS + operation))
                .withRequestBody(containing(bodyPart))).size();
    }

    void assertBothRolledBackToV1(DeployReport report) {
        assertThat(report.ok()).isFalse();
        Map<String, ServiceResult> rows = rows(report);
        for (String service : List.of("backend", "frontend")) {
            String family = service.equals("backend") ? BACKEND : FRONTEND;
            ServiceResult r = rows.get(service);
            assertThat(r.outcome()).as(service).isEqualTo(Outcome.FAILED_ROLLED_BACK);
            assertThat(r.taskDefinitionArn()).as(service).isEqualTo(family + "1");
            assertThat(r.changes()).as(service).containsExactly("registered durable-code-dev-" + service + ":2",
                    "updated the service to durable-code-dev-" + service + ":2",
                    "rolled back to durable-code-dev-" + service + ":1");
            assertThat(r.reasons()).as(service).anyMatch(l -> l.contains("rolled back to durable-code-dev-" + service + ":1 (stable)"))
                    .anyMatch(l -> l.startsWith("fix: "));
        }
        assertThat(live()).isEqualTo(Map.of("backend", BACKEND + "1", "frontend", FRONTEND + "1"));
        assertThat(revisions("durable-code-dev-backend")).containsExactly(BACKEND + "1", BACKEND + "2");
        assertThat(revisions("durable-code-dev-frontend")).containsExactly(FRONTEND + "1", FRONTEND + "2");
    }

    void assertSecondUpdateRefusedAndFirstRolledBack(DeployReport report, String why) {
        assertThat(report.ok()).isFalse();
        Map<String, ServiceResult> rows = rows(report);
        ServiceResult backend = rows.get("backend");
        assertThat(backend.outcome()).isEqualTo(Outcome.FAILED_ROLLED_BACK);
        assertThat(backend.changes()).containsExactly("registered durable-code-dev-backend:2",
                "updated the service to durable-code-dev-backend:2", "rolled back to durable-code-dev-backend:1");
        assertThat(backend.taskDefinitionArn()).isEqualTo(BACKEND + "1");
        ServiceResult frontend = rows.get("frontend");
        assertThat(frontend.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(frontend.changes()).containsExactly("registered durable-code-dev-frontend:2");
        assertThat(frontend.taskDefinitionArn()).isEqualTo(FRONTEND + "1");
        assertThat(frontend.reasons()).anyMatch(l -> l.contains("the deploy stopped at frontend") && l.contains(why))
                .contains("registered durable-code-dev-frontend:2, but it was never put on the service",
                        "the service itself was not changed")
                .anyMatch(l -> l.startsWith("fix: "));
        assertThat(live()).isEqualTo(Map.of("backend", BACKEND + "1", "frontend", FRONTEND + "1"));
        assertThat(revisions("durable-code-dev-backend")).containsExactly(BACKEND + "1", BACKEND + "2");
        assertThat(revisions("durable-code-dev-frontend")).containsExactly(FRONTEND + "1", FRONTEND + "2");
        // the rollback: one UpdateService back to :1 for the service that had been updated, none for the other
        assertThat(calls("UpdateService", BACKEND + "1")).isEqualTo(1);
        assertThat(calls("UpdateService", FRONTEND + "1")).isZero();
    }

    @Test
    void secondServicesUpdateDeniedRollsBackTheFirstAndLeavesTheSecondUntouched() {
        wire.stubFor(frontendUpdate().willReturn(aResponse().withStatus(403).withHeader("Content-Type", JSON)
                .withBody("{\"__type\":\"AccessDeniedException\",\"message\":\"not allowed\"}")));

        DeployReport report = deployV2(true);

        assertSecondUpdateRefusedAndFirstRolledBack(report, "AWS denied ecs:UpdateService");
        assertThat(calls("UpdateService", "frontend:2")).isEqualTo(1);
    }

    @Test
    void secondServicesUpdateFailingWith500IsRetriedOnlyAfterCheckingThenRolledBack() {
        wire.stubFor(frontendUpdate().willReturn(aResponse().withStatus(500).withHeader("Content-Type", JSON)
                .withBody("{\"__type\":\"ServerException\",\"message\":\"internal\"}")));

        DeployReport report = deployV2(true);

        assertSecondUpdateRefusedAndFirstRolledBack(report, "ServerException");
        // every retry came after a DescribeServices showed the revision was not applied
        assertThat(calls("UpdateService", "frontend:2")).isEqualTo(6);
        assertThat(calls("DescribeServices", "frontend")).isGreaterThanOrEqualTo(6);
    }

    @Test
    void withNoRollbackTheUpdatedServiceIsLeftAndSaidToBe() {
        wire.stubFor(frontendUpdate().willReturn(aResponse().withStatus(403).withHeader("Content-Type", JSON)
                .withBody("{\"__type\":\"AccessDeniedException\",\"message\":\"not allowed\"}")));

        DeployReport report = deployV2(false);

        ServiceResult backend = rows(report).get("backend");
        assertThat(backend.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(backend.taskDefinitionArn()).isEqualTo(BACKEND + "2");
        assertThat(backend.reasons()).contains("left on durable-code-dev-backend:2 as ECS has it (--no-rollback)");
        assertThat(live()).isEqualTo(Map.of("backend", BACKEND + "2", "frontend", FRONTEND + "1"));
        assertThat(calls("UpdateService", BACKEND + "1")).isZero();
    }

    /** DescribeServices fails (after the SDK's retries) once both services are updated, until the rollback starts. */
    void describeFailsWhileWaiting(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        wire.stubFor(frontendUpdate().inScenario("wait").whenScenarioStateIs(STARTED).willSetStateTo("updated")
                .willReturn(aResponse().proxiedFrom(moto.endpoint())));
        wire.stubFor(ecs("DescribeServices").inScenario("wait").whenScenarioStateIs("updated").willReturn(answer));
        wire.stubFor(ecs("UpdateService").withRequestBody(containing(":1\"")).inScenario("wait")
                .whenScenarioStateIs("updated").willSetStateTo("rolling back")
                .willReturn(aResponse().proxiedFrom(moto.endpoint())));
    }

    @Test
    void describeServicesFailingWhileWaitingRollsBackBothServices() {
        describeFailsWhileWaiting(aResponse().withStatus(500).withHeader("Content-Type", JSON)
                .withBody("{\"__type\":\"ServerException\",\"message\":\"internal\"}"));

        DeployReport report = deployV2(true);

        assertBothRolledBackToV1(report);
        assertThat(report.services().get(0).reasons()).anyMatch(l -> l.contains("while waiting for the rollouts"));
    }

    @Test
    void aTruncatedDescribeServicesAnswerWhileWaitingRollsBackBothServices() {
        describeFailsWhileWaiting(aResponse().withStatus(200).withHeader("Content-Type", JSON)
                .withBody("{\"services\":[{\"serviceName\":\"backend\",\"deploym"));

        DeployReport report = deployV2(true);

        assertBothRolledBackToV1(report);
    }

    void tagResourceFails(int status, String type) {
        wire.stubFor(ecs("TagResource").willReturn(aResponse().withStatus(status).withHeader("Content-Type", JSON)
                .withBody("{\"__type\":\"" + type + "\",\"message\":\"no\"}")));
    }

    void assertDeployedWithStaleTags(DeployReport report) {
        assertThat(report.ok()).isFalse();
        for (ServiceResult r : report.services()) {
            String family = r.service().equals("backend") ? BACKEND : FRONTEND;
            assertThat(r.outcome()).as(r.service()).isEqualTo(Outcome.DEPLOYED_TAGS_FAILED);
            assertThat(r.taskDefinitionArn()).isEqualTo(family + "2");
            assertThat(r.changes()).containsExactly("registered durable-code-dev-" + r.service() + ":2",
                    "updated the service to durable-code-dev-" + r.service() + ":2", "deployment tags NOT written");
            assertThat(r.reasons()).anyMatch(l -> l.contains("is stable, but its deployment tags were not written"))
                    .anyMatch(l -> l.startsWith("fix: ") && l.contains("the next deploy repairs the tags"));
            // moto agrees: v2 runs, the tags still name v1
            assertThat(serviceTags(r.service())).containsEntry(ServiceTags.TASK_DEFINITION, family + "1");
        }
        assertThat(live()).isEqualTo(Map.of("backend", BACKEND + "2", "frontend", FRONTEND + "2"));
        assertThat(calls("UpdateService", ":1\"")).isZero();
        assertThat(revisions("durable-code-dev-backend")).containsExactly(BACKEND + "1", BACKEND + "2");
    }

    @Test
    void tagResourceDeniedReportsStableServicesWithStaleTags() {
        tagResourceFails(403, "AccessDeniedException");

        assertDeployedWithStaleTags(deployV2(true));
    }

    @Test
    void tagResourceFailingWith500ReportsStableServicesWithStaleTags() {
        tagResourceFails(500, "ServerException");

        assertDeployedWithStaleTags(deployV2(true));
    }

    @Test
    void anUpdateServiceAppliedWhoseAnswerIsLostIsResolvedByReadingTheService() {
        wire.stubFor(frontendUpdate().withServeEventListener(AppliedThenLost.PHASE, AppliedThenLost.NAME, Parameters.empty())
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        DeployReport report = deployV2(true);

        assertThat(report.ok()).isTrue();
        assertThat(rows(report).get("frontend").outcome()).isEqualTo(Outcome.DEPLOYED);
        assertThat(live()).isEqualTo(Map.of("backend", BACKEND + "2", "frontend", FRONTEND + "2"));
        // sent once: the re-read showed it applied, so it was not sent again
        assertThat(calls("UpdateService", "frontend:2")).isEqualTo(1);
        assertThat(revisions("durable-code-dev-frontend")).containsExactly(FRONTEND + "1", FRONTEND + "2");
    }

    @Test
    void aTruncatedRegisterTaskDefinitionAnswerIsNotRegisteredAgain() {
        wire.stubFor(ecs("RegisterTaskDefinition").withRequestBody(containing("durable-code-dev-frontend"))
                .withServeEventListener(AppliedThenLost.PHASE, AppliedThenLost.NAME, Parameters.empty())
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON)
                        .withBody("{\"taskDefinition\":{\"taskDefinitionArn\":\"arn:aws:ecs:us-we")));

        DeployReport report = deployV2(true);

        assertThat(report.ok()).isTrue();
        assertThat(rows(report).get("frontend").taskDefinitionArn()).isEqualTo(FRONTEND + "2");
        assertThat(calls("RegisterTaskDefinition", "durable-code-dev-frontend")).isEqualTo(1);
        assertThat(revisions("durable-code-dev-frontend")).containsExactly(FRONTEND + "1", FRONTEND + "2");
        assertThat(live()).isEqualTo(Map.of("backend", BACKEND + "2", "frontend", FRONTEND + "2"));
    }

    @Test
    void anInterruptionWhileWaitingSendsTheRollbackAndReportsWithoutWaitingForIt() {
        wire.stubFor(ecs("UpdateService").withRequestBody(containing("backend:2")).inScenario("slow")
                .whenScenarioStateIs(STARTED).willSetStateTo("updated").willReturn(aResponse().proxiedFrom(moto.endpoint())));
        wire.stubFor(ecs("DescribeServices").inScenario("slow").whenScenarioStateIs("updated")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON).withBody(DeployerFaultsTest.backend(
                        DeployerFaultsTest.deployment("ecs-svc/2", "PRIMARY", 2, "IN_PROGRESS", 0, 0) + ","
                                + DeployerFaultsTest.deployment("ecs-svc/1", "ACTIVE", 1, "COMPLETED", 1, 0), ""))));
        // what the shutdown hook does on SIGTERM: interrupt the thread, which is sleeping between polls
        RolloutWaiter interrupted = new RolloutWaiter(f.reader(), new dev.driftless.aws.EcsStoppedTaskReader(f.ecs), f.clock,
                d -> {
                    throw new InterruptedException("SIGTERM");
                }, f.progress, Duration.ofSeconds(15), 4);
        Deployer deployer = new Deployer(new dev.driftless.aws.EcsTaskDefinitionStore(f.ecs),
                new dev.driftless.aws.EcsServiceWriter(f.ecs), new dev.driftless.aws.AppAutoScalingTargets(f.autoScaling),
                interrupted, f.progress, f.clock);
        var spec = DeployFixture.spec(network);
        var steps = new DeployPlanner(spec, f.reader()).plan("dev", List.of("backend"), new ImageSelection(Map.of(), "v2"), false);

        DeployReport report = deployer.apply("dev", DeployFixture.CLUSTER, spec.resourceTags("dev"), steps,
                new DeployOptions(Duration.ofMinutes(20), false, true, false, 10, "abc"));

        assertThat(report.ok()).isFalse();
        ServiceResult backend = report.services().get(0);
        assertThat(backend.outcome()).isEqualTo(Outcome.FAILED_ROLLBACK_FAILED);
        assertThat(backend.reasons()).anyMatch(l -> l.contains("interrupted while waiting"))
                .contains("rollback to durable-code-dev-backend:1 was sent; the run was interrupted before it became stable"
                        + " — check the service");
        assertThat(backend.changes()).containsExactly("registered durable-code-dev-backend:2",
                "updated the service to durable-code-dev-backend:2", "rolled back to durable-code-dev-backend:1");
        assertThat(live().get("backend")).isEqualTo(BACKEND + "1");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    /** v1, v2 deployed; v3 rolled out but its tags never written — as a kill -9 between UpdateService and TagResource leaves it. */
    void v3WithStaleTags() {
        assertThat(deployV2(true).ok()).isTrue();
        tagResourceFails(403, "AccessDeniedException");
        DeployReport v3 = f.deploy(DeployFixture.spec(network), new ImageSelection(Map.of(), "v3"),
                new DeployOptions(Duration.ofMinutes(20), false, true, false, 10, "abc3"), List.of("backend"), false);
        assertThat(v3.services().get(0).outcome()).isEqualTo(Outcome.DEPLOYED_TAGS_FAILED);
        assertThat(serviceTags("backend")).containsEntry(ServiceTags.TASK_DEFINITION, BACKEND + "2")
                .containsEntry(DeployTags.PREVIOUS, BACKEND + "1");
        assertThat(live().get("backend")).isEqualTo(BACKEND + "3");
    }

    @Test
    void staleTagsAreMetadataDriftInThePlanAndTheNextDeployRepairsThemWithoutAnEcsChange() {
        v3WithStaleTags();
        var spec = DeployFixture.spec(network);
        var plan = new Planner(direct.reader()).plan(spec, "dev", List.of("backend"),
                s -> new dev.driftless.plan.ImageRef.Tag("v3"), "tag v3", java.time.Instant.EPOCH);
        assertThat(plan.services().get(0).changes()).singleElement().satisfies(c -> {
            assertThat(c.group()).isEqualTo(dev.driftless.plan.ChangeGroup.METADATA);
            assertThat(c.drift()).isTrue();
            assertThat(c.describe()).contains("durable-code-dev-backend:2").contains("durable-code-dev-backend:3");
        });

        int mark = direct.counter.mark();
        DeployReport rerun = direct.deploy(spec, new ImageSelection(Map.of(), "v3"),
                new DeployOptions(Duration.ofMinutes(20), false, true, false, 10, "abc3"), List.of("backend"), false);

        ServiceResult backend = rerun.services().get(0);
        assertThat(backend.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(backend.reasons()).singleElement().asString().startsWith("repaired its deployment tags")
                .contains("durable-code-dev-backend:3");
        assertThat(backend.changes()).containsExactly("repaired its deployment tags to name durable-code-dev-backend:3");
        assertThat(serviceTags("backend")).containsEntry(ServiceTags.TASK_DEFINITION, BACKEND + "3")
                .containsEntry(DeployTags.PREVIOUS, BACKEND + "2");
        assertThat(revisions("durable-code-dev-backend")).containsExactly(BACKEND + "1", BACKEND + "2", BACKEND + "3");
        assertThat(direct.counter.since(mark)).doesNotContain("UpdateService", "RegisterTaskDefinition")
                .containsOnlyOnce("TagResource");

        DeployReport back = direct.rollback(List.of("backend"), "previous");

        assertThat(back.services().get(0).taskDefinitionArn()).isEqualTo(BACKEND + "2");
        assertThat(live().get("backend")).isEqualTo(BACKEND + "2");
    }

    @Test
    void rollbackToPreviousFollowsTheRunningRevisionsOwnTagNotTheStaleServiceTags() {
        v3WithStaleTags();

        DeployReport back = direct.rollback(List.of("backend"), "previous");

        assertThat(back.services().get(0).outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(live().get("backend")).isEqualTo(BACKEND + "2");
    }
}
