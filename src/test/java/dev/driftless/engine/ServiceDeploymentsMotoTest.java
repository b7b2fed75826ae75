package dev.driftless.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.driftless.engine.ServiceResult.Outcome;
import dev.driftless.plan.ImageRef;
import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.LoadBalancer;
import dev.driftless.spec.ServiceDeploy;
import dev.driftless.spec.ServiceSpec;
import dev.driftless.testing.MotoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Canary deploys and rollbacks against moto with ECS service deployments modelled
 * (src/test/resources/moto/service_deployments.py), WireMock in front of it to read what was sent.
 */
class ServiceDeploymentsMotoTest {
    static final String ECS = "AmazonEC2ContainerServiceV20141113.";
    static final String GREEN = "arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/frontend-green/0123456789abcdef";
    static final String RULE = "arn:aws:elasticloadbalancing:us-west-2:123456789012:listener-rule/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee";
    static final String ROLE = "arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers";
    static final List<String> STAGES = List.of("RECONCILE_SERVICE", "PRE_SCALE_UP", "SCALE_UP", "POST_SCALE_UP",
            "TEST_TRAFFIC_SHIFT", "POST_TEST_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT", "POST_PRODUCTION_TRAFFIC_SHIFT",
            "BAKE_TIME", "CLEAN_UP");
    static final ObjectMapper JSON = new ObjectMapper();

    static MotoServer moto;
    static WireMockServer wire;
    static Path alarmSwitch;
    MotoNetwork network;
    DeployFixture f;

    @BeforeAll
    static void start() throws IOException {
        alarmSwitch = Files.createTempFile("moto-alarm-switch-", ".txt");
        moto = MotoServer.startLauncher("/moto/service_deployments.py", Map.of(
                "DRIFTLESS_ROLLOUTS_PY", Path.of("target/classes/moto/rollouts.py").toAbsolutePath().toString(),
                "MOTO_SD_SWITCH", alarmSwitch.toString()));
        wire = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wire.start();
    }

    @AfterAll
    static void stop() throws IOException {
        wire.stop();
        moto.close();
        Files.deleteIfExists(alarmSwitch);
    }

    @BeforeEach
    void fresh() throws IOException {
        Files.writeString(alarmSwitch, "");
        moto.reset();
        wire.resetAll();
        wire.stubFor(post(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(moto.endpoint())));
        network = MotoNetwork.create(moto);
        f = new DeployFixture(wire.baseUrl());
        f.followServiceDeployments = true;
        f.createCluster();
    }

    @AfterEach
    void close() {
        f.close();
    }

    /** The sample with frontend on a canary: 10% for 5 minutes, bake 10 minutes, rollback on two alarms. */
    DeploySpec canarySpec() {
        DeploySpec base = DeployFixture.spec(network);
        ServiceSpec fe = base.services().get("frontend");
        ServiceSpec canary = new ServiceSpec(fe.name(), fe.image(), fe.cpu(), fe.memory(), fe.architecture(), fe.port(),
                fe.command(), fe.environment(), fe.secrets(), fe.healthCheck(),
                new LoadBalancer(fe.loadBalancer().targetGroupArn(), 3000, GREEN, RULE, null, ROLE), fe.desiredCount(),
                fe.autoscaling(), fe.overrides(), new ServiceDeploy("canary", Duration.ofMinutes(10),
                        new ServiceDeploy.Canary(10.0, Duration.ofMinutes(5)), null, List.of("api-5xx", "api-p99"),
                        List.of(), null));
        Map<String, ServiceSpec> services = new LinkedHashMap<>(base.services());
        services.put("frontend", canary);
        return new DeploySpec(base.file(), base.apiVersion(), base.kind(), base.name(), base.account(), base.region(),
                base.tags(), base.budget(), base.cost(), base.tracker(), base.deploy(), base.environments(), services,
                base.roles(), base.logs(), base.test());
    }

    DeployReport deployFrontend(String tag) {
        return f.deploy(canarySpec(), new ImageSelection(Map.of(), tag), DeployFixture.options(false), List.of("frontend"),
                false);
    }

    String liveTaskDefinition() {
        return f.ecs.describeServices(r -> r.cluster(DeployFixture.CLUSTER).services("frontend")).services().get(0)
                .taskDefinition();
    }

    /** The lifecycle stages the progress lines named, each once, in the order they first appeared. */
    static List<String> stagesShown(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            int at = l.indexOf("stage ");
            if (l.startsWith("frontend: canary · ") && at > 0) {
                String stage = l.substring(at + 6, l.indexOf(' ', at + 6));
                if (!out.contains(stage)) {
                    out.add(stage);
                }
            }
        }
        return out;
    }

    static List<LoggedRequest> requests(String operation) {
        return wire.findAll(postRequestedFor(anyUrl()).withHeader("X-Amz-Target", equalTo(ECS + operation)));
    }

    @Test
    void aCanaryDeploySucceedsAfterPassingEveryStageInOrder() {
        assertThat(deployFrontend("v1").ok()).isTrue();
        int mark = f.progress.lines.size();

        DeployReport report = deployFrontend("v2");

        assertThat(report.ok()).as(f.progress.lines.toString()).isTrue();
        assertThat(report.services()).singleElement().satisfies(s -> {
            assertThat(s.outcome()).isEqualTo(Outcome.DEPLOYED);
            assertThat(s.deployment()).isEqualTo("canary 10% for 5m, then all — SUCCESSFUL");
        });
        List<String> shown = f.progress.lines.subList(mark, f.progress.lines.size());
        assertThat(stagesShown(shown)).containsExactlyElementsOf(STAGES);
        assertThat(shown).anyMatch(l -> l.contains("stage PRODUCTION_TRAFFIC_SHIFT · traffic 10% new / 90% old"));
        assertThat(shown).anyMatch(l -> l.contains("stage BAKE_TIME · traffic 100% new / 0% old · bake about"));
        assertThat(shown.get(shown.size() - 1)).contains("SUCCESSFUL");
        assertThat(liveTaskDefinition()).endsWith("durable-code-dev-frontend:2");
    }

    @Test
    void theUpdateServiceRequestCarriesExactlyTheSpecsStrategyBlock() throws Exception {
        DeploySpec rolling = DeployFixture.spec(network);
        assertThat(f.deploy(rolling, new ImageSelection(Map.of(), "v1"), DeployFixture.options(false), List.of("frontend"),
                false).ok()).isTrue();
        wire.resetRequests();

        assertThat(deployFrontend("v1").ok()).as(f.progress.lines.toString()).isTrue();

        JsonNode body = JSON.readTree(requests("UpdateService").get(0).getBodyAsString());
        assertThat(body.get("deploymentConfiguration")).isEqualTo(JSON.readTree("""
                {"deploymentCircuitBreaker": {"enable": true, "rollback": true},
                 "alarms": {"alarmNames": ["api-5xx", "api-p99"], "enable": true, "rollback": true},
                 "strategy": "CANARY",
                 "bakeTimeInMinutes": 10,
                 "canaryConfiguration": {"canaryPercent": 10.0, "canaryBakeTimeInMinutes": 5}}
                """));
        assertThat(body.get("loadBalancers")).isEqualTo(JSON.readTree("""
                [{"targetGroupArn": "arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/frontend/0123456789abcdef",
                  "containerName": "frontend", "containerPort": 3000,
                  "advancedConfiguration": {"alternateTargetGroupArn": "%s", "productionListenerRule": "%s", "roleArn": "%s"}}]
                """.formatted(GREEN, RULE, ROLE)));
        assertThat(requests("UpdateService")).hasSize(1);
        // read back, the strategy is what the spec says: the next plan has nothing to change
        var config = f.ecs.describeServices(r -> r.cluster(DeployFixture.CLUSTER).services("frontend")).services().get(0)
                .deploymentConfiguration();
        assertThat(config.strategyAsString()).isEqualTo("CANARY");
        assertThat(config.canaryConfiguration().canaryPercent()).isEqualTo(10.0);
        assertThat(new DeployPlanner(canarySpec(), f.reader()).plan("dev", List.of("frontend"),
                new ImageSelection(Map.of(), "v1"), false)).singleElement().satisfies(s -> assertThat(s.changes()).isFalse());
    }

    @Test
    void anAlarmDuringTheBakeFailsTheDeployNamingItAndTheServiceIsBackOnTheOldRevision() throws IOException {
        assertThat(deployFrontend("v1").ok()).isTrue();
        String v1 = liveTaskDefinition();
        Files.writeString(alarmSwitch, "api-5xx");
        int updatesBefore = requests("UpdateService").size();

        DeployReport report = deployFrontend("v2");

        assertThat(report.ok()).isFalse();
        ServiceResult fe = report.services().get(0);
        assertThat(fe.outcome()).isEqualTo(Outcome.FAILED_ROLLED_BACK);
        assertThat(fe.reasons()).contains("alarm api-5xx went to ALARM");
        assertThat(fe.deployment()).isEqualTo("canary 10% for 5m, then all — rolled back in BAKE_TIME");
        assertThat(dev.driftless.render.DeployMarkdown.render("Deploy", "durable-code", report))
                .contains("| frontend | ❌ failed, rolled back (canary 10% for 5m, then all — rolled back in BAKE_TIME) |")
                .contains("• alarm api-5xx went to ALARM");
        assertThat(String.join("\n", f.progress.lines)).contains("warning: frontend: alarm api-5xx went to ALARM");
        assertThat(stagesShown(f.progress.lines)).contains("BAKE_TIME");
        assertThat(liveTaskDefinition()).isEqualTo(v1);
        // ECS rolled back itself: driftless does not start another deployment to do it again
        assertThat(requests("UpdateService")).hasSize(updatesBefore + 1);
    }

    /** Someone's deploy of a new revision, left in its bake: UpdateService, then polls until BAKE_TIME. */
    String startDeploymentAndBake() {
        var v1 = f.ecs.describeTaskDefinition(r -> r.taskDefinition(liveTaskDefinition())).taskDefinition();
        String v2 = f.ecs.registerTaskDefinition(r -> r.family(v1.family()).cpu(v1.cpu()).memory(v1.memory())
                .networkMode(v1.networkMode()).requiresCompatibilities(v1.requiresCompatibilities())
                .runtimePlatform(v1.runtimePlatform()).executionRoleArn(v1.executionRoleArn()).taskRoleArn(v1.taskRoleArn())
                .containerDefinitions(v1.containerDefinitions().get(0).toBuilder()
                        .image(v1.containerDefinitions().get(0).image().replace(":v1", ":v2")).build()))
                .taskDefinition().taskDefinitionArn();
        f.ecs.updateService(r -> r.cluster(DeployFixture.CLUSTER).service("frontend").taskDefinition(v2));
        String arn = f.ecs.listServiceDeployments(r -> r.cluster(DeployFixture.CLUSTER).service("frontend")
                .status(software.amazon.awssdk.services.ecs.model.ServiceDeploymentStatus.IN_PROGRESS,
                        software.amazon.awssdk.services.ecs.model.ServiceDeploymentStatus.PENDING))
                .serviceDeployments().get(0).serviceDeploymentArn();
        String stage = null;
        while (!"BAKE_TIME".equals(stage)) {
            stage = f.ecs.describeServiceDeployments(r -> r.serviceDeploymentArns(arn)).serviceDeployments().get(0)
                    .lifecycleStageAsString();
        }
        assertThat(liveTaskDefinition()).isEqualTo(v2);
        return arn;
    }

    @Test
    void rollbackDuringTheBakeStopsTheDeploymentWithRollbackAndNothingElse() throws Exception {
        assertThat(deployFrontend("v1").ok()).isTrue();
        String v1 = liveTaskDefinition();
        String deployment = startDeploymentAndBake();
        wire.resetRequests();
        int mark = f.counter.mark();

        List<String> writesWhenLeased = new java.util.ArrayList<>();
        List<String> writesWhenReleased = new java.util.ArrayList<>();
        java.util.function.Predicate<String> write = c -> !c.startsWith("Describe") && !c.startsWith("List");
        DeployReport report = f.rollback().run("dev", DeployFixture.CLUSTER, List.of("frontend"),
                RollbackTarget.parse("previous"), false, Duration.ofMinutes(20), () -> {
                    writesWhenLeased.addAll(f.counter.since(mark).stream().filter(write).toList());
                    return () -> writesWhenReleased.addAll(f.counter.since(mark).stream().filter(write).toList());
                });

        // the stop is a write: it happens under the environment's lease
        assertThat(writesWhenLeased).isEmpty();
        assertThat(writesWhenReleased).containsExactly("StopServiceDeployment");
        assertThat(report.services()).singleElement().satisfies(s -> {
            assertThat(s.outcome()).isEqualTo(Outcome.ROLLED_BACK);
            assertThat(s.taskDefinitionArn()).isEqualTo(v1);
            assertThat(s.reasons()).contains("rollback requested; stopped the service deployment in BAKE_TIME with ROLLBACK");
            assertThat(s.deployment()).isEqualTo("canary 10% for 5m, then all — rolled back in BAKE_TIME");
        });
        assertThat(liveTaskDefinition()).isEqualTo(v1);
        List<String> calls = f.counter.since(mark);
        assertThat(calls).filteredOn(c -> !c.startsWith("Describe") && !c.startsWith("List")).containsExactly("StopServiceDeployment");
        assertThat(requests("StopServiceDeployment")).singleElement().satisfies(r -> assertThat(JSON.readTree(r.getBodyAsString()))
                .isEqualTo(JSON.readTree("{\"serviceDeploymentArn\": \"" + deployment + "\", \"stopType\": \"ROLLBACK\"}")));
        assertThat(f.progress.lines).anyMatch(l -> l.startsWith("frontend: service deployment ") && l.endsWith(
                " is still in progress; stopping it with ROLLBACK instead of starting a new deployment"));
    }

    @Test
    void rollbackAfterTheBakeRedeploysThePreviousRevisionAsToday() {
        assertThat(deployFrontend("v1").ok()).isTrue();
        String v1 = liveTaskDefinition();
        assertThat(deployFrontend("v2").ok()).isTrue();
        int mark = f.counter.mark();

        DeployReport report = f.rollback(List.of("frontend"), "previous");

        assertThat(report.services()).singleElement().satisfies(s -> assertThat(s.outcome()).isEqualTo(Outcome.ROLLED_BACK));
        assertThat(f.counter.since(mark)).contains("UpdateService").doesNotContain("StopServiceDeployment");
        assertThat(liveTaskDefinition()).isEqualTo(v1);
    }
}
