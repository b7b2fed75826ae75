package dev.driftless.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftless.engine.ServiceResult.Outcome;
import dev.driftless.plan.Change;
import dev.driftless.plan.ImageRef;
import dev.driftless.plan.Plan;
import dev.driftless.render.PlanMarkdown;
import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.SpecLoader;
import dev.driftless.spec.SpecResult;
import dev.driftless.spec.SpecSource;
import dev.driftless.testing.MotoServer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;

/** A service with a FireLens log router and an init container, deployed to moto from a spec's text. */
class SidecarDeployMotoTest {
    static MotoServer moto;
    DeployFixture f;
    MotoNetwork network;

    @BeforeAll
    static void start() {
        moto = MotoServer.startLauncher("/moto/rollouts.py", Map.of());
    }

    @AfterAll
    static void stop() {
        moto.close();
    }

    @BeforeEach
    void fresh() {
        moto.reset();
        f = new DeployFixture(moto.endpoint());
        f.createCluster();
        network = MotoNetwork.create(moto);
    }

    @AfterEach
    void close() {
        f.close();
    }

    DeploySpec spec(String routerImage) {
        String text = """
                apiVersion: driftless/v1
                kind: Application
                name: durable-code
                account: "123456789012"
                region: us-west-2
                environments:
                  dev:
                    cluster: durable-code-dev
                    network: { subnets: [%s], securityGroups: [%s] }
                roles: { execution: "arn:aws:iam::123456789012:role/durable-code-exec" }
                logs: { group: /ecs/durable-code }
                services:
                  backend:
                    image: { repository: durable-code-backend }
                    cpu: 512
                    memory: 1024
                    port: 8000
                    logging: firelens
                    dependsOn: [ { container: wait-for-db, condition: SUCCESS } ]
                    readonlyRootFilesystem: true
                    stopTimeout: 60
                    volumes: { scratch: }
                    mountPoints: [ { sourceVolume: scratch, containerPath: /tmp } ]
                    containerExtra: { dockerLabels: { team: core } }
                    sidecars:
                      log-router:
                        image: %s
                        memoryReservation: 64
                        firelens: { type: fluentbit }
                      wait-for-db:
                        image: public.ecr.aws/docker/library/busybox:1.36
                        command: [sh, -c, "until nc -z db 5432; do sleep 1; done"]
                """.formatted(network.subnet(), network.securityGroup(), routerImage);
        SpecResult result = SpecLoader.load(new SpecSource("sidecars.yaml", text));
        assertThat(result.errors()).isEmpty();
        return result.spec();
    }

    @Test
    void theSidecarsDeployAndASecondDeployRegistersNothing() {
        DeploySpec spec = spec("public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.4");

        DeployReport report = f.deploy(spec, "v1");

        assertThat(report.ok()).isTrue();
        String arn = f.ecs.describeServices(r -> r.cluster(DeployFixture.CLUSTER).services("backend")).services().get(0)
                .taskDefinition();
        var td = f.ecs.describeTaskDefinition(r -> r.taskDefinition(arn)).taskDefinition();
        assertThat(td.containerDefinitions()).extracting(ContainerDefinition::name)
                .containsExactlyInAnyOrder("backend", "log-router", "wait-for-db");
        ContainerDefinition main = container(td.containerDefinitions(), "backend");
        assertThat(main.dependsOn()).singleElement().satisfies(d -> {
            assertThat(d.containerName()).isEqualTo("wait-for-db");
            assertThat(d.conditionAsString()).isEqualTo("SUCCESS");
        });
        assertThat(main.logConfiguration().logDriverAsString()).isEqualTo("awsfirelens");
        assertThat(main.readonlyRootFilesystem()).isTrue();
        assertThat(main.dockerLabels()).containsEntry("team", "core");
        ContainerDefinition router = container(td.containerDefinitions(), "log-router");
        assertThat(router.essential()).isFalse();
        assertThat(router.firelensConfiguration().typeAsString()).isEqualTo("fluentbit");
        assertThat(router.logConfiguration().logDriverAsString()).isEqualTo("awslogs");
        assertThat(container(td.containerDefinitions(), "wait-for-db").essential()).isFalse();
        assertThat(td.volumes()).singleElement().satisfies(v -> assertThat(v.name()).isEqualTo("scratch"));

        int mark = f.counter.mark();
        DeployReport again = f.deploy(spec, "v1");

        assertThat(again.services()).extracting(ServiceResult::outcome).containsOnly(Outcome.UNCHANGED);
        assertThat(f.counter.count(f.counter.since(mark), "RegisterTaskDefinition")).isZero();
    }

    @Test
    void changingOnlyTheSidecarsImageRegistersOneRevisionAndThePlanNamesThatChange() {
        f.deploy(spec("public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.4"), "v1");
        DeploySpec newer = spec("public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.5");

        Plan plan = new Planner(f.reader()).plan(newer, "dev", List.of(), s -> new ImageRef.Tag("v1"), "tag v1",
                Instant.parse("2026-11-25T10:00:00Z"));

        List<Change> changes = plan.services().get(0).changes();
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("sidecar log-router: image");
            assertThat(c.from()).endsWith(":2.32.4");
            assertThat(c.to()).endsWith(":2.32.5");
        });
        assertThat(PlanMarkdown.render(plan)).contains("sidecar log-router: image");

        int mark = f.counter.mark();
        DeployReport report = f.deploy(newer, "v1");

        assertThat(report.services()).extracting(ServiceResult::outcome).containsOnly(Outcome.DEPLOYED);
        assertThat(f.counter.count(f.counter.since(mark), "RegisterTaskDefinition")).isEqualTo(1);
        String arn = f.ecs.describeServices(r -> r.cluster(DeployFixture.CLUSTER).services("backend")).services().get(0)
                .taskDefinition();
        assertThat(arn).endsWith(":2");
        var td = f.ecs.describeTaskDefinition(r -> r.taskDefinition(arn)).taskDefinition();
        assertThat(container(td.containerDefinitions(), "log-router").image()).endsWith(":2.32.5");
    }

    @Test
    void rollbackToAnImageTagLooksAtTheMainContainerEvenWhenASidecarComesFirst() {
        f.deploy(spec("public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.4"), "v1");
        f.deploy(spec("public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.4"), "v2");
        // a revision registered by hand with the sidecar listed first and the same tag on the sidecar only
        f.ecs.registerTaskDefinition(r -> r.family("durable-code-dev-backend").networkMode("awsvpc")
                .requiresCompatibilitiesWithStrings("FARGATE").cpu("512").memory("1024")
                .containerDefinitions(
                        c -> c.name("log-router").image("public.ecr.aws/aws-observability/aws-for-fluent-bit:v1"),
                        c -> c.name("backend").image("123456789012.dkr.ecr.us-west-2.amazonaws.com/durable-code-backend:v9")));

        DeployReport report = f.rollback(List.of("backend"), "image:v1");

        assertThat(report.ok()).isTrue();
        String arn = f.ecs.describeServices(r -> r.cluster(DeployFixture.CLUSTER).services("backend")).services().get(0)
                .taskDefinition();
        assertThat(arn).endsWith(":1");
    }

    @Test
    void aSidecarBuiltFromARepositoryTakesItsImageFromTheBuildOutputOrFollowsTheTag() {
        String digest = "sha256:" + "b".repeat(64);
        String mainDigest = "sha256:" + "a".repeat(64);
        DeploySpec spec = withBuiltAgent(spec("public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.4"));
        String registry = "123456789012.dkr.ecr.us-west-2.amazonaws.com/";

        f.deploy(spec, new ImageSelection(Map.of("backend", registry + "durable-code-backend@" + mainDigest,
                "backend/agent", registry + "durable-code-agent@" + digest), null), DeployFixture.options(false), List.of(), false);

        assertThat(liveImage("agent")).isEqualTo(registry + "durable-code-agent@" + digest);
        f.deploy(spec, "v7");
        assertThat(liveImage("agent")).isEqualTo(registry + "durable-code-agent:v7");
        assertThat(liveImage("backend")).isEqualTo(registry + "durable-code-backend:v7");
    }

    private DeploySpec withBuiltAgent(DeploySpec spec) {
        var backend = spec.services().get("backend");
        Map<String, dev.driftless.spec.Sidecar> sidecars = new java.util.LinkedHashMap<>(backend.sidecars());
        sidecars.put("agent", new dev.driftless.spec.Sidecar("agent", new dev.driftless.spec.SidecarImage.Repository(
                new dev.driftless.spec.ImageSpec("durable-code-agent", null, null, true, null)), false, null, 128, null, null,
                null, null, null, null, null, null, null));
        var changed = new dev.driftless.spec.ServiceSpec(backend.name(), backend.image(), backend.cpu(), backend.memory(),
                backend.architecture(), backend.port(), backend.command(), backend.environment(), backend.secrets(),
                backend.healthCheck(), backend.loadBalancer(), backend.desiredCount(), backend.autoscaling(), backend.overrides(),
                sidecars, backend.container(), backend.task());
        return new DeploySpec(spec.file(), spec.apiVersion(), spec.kind(), spec.name(), spec.account(), spec.region(),
                spec.tags(), spec.budget(), spec.cost(), spec.tracker(), spec.deploy(), spec.environments(),
                Map.of("backend", changed), spec.roles(), spec.logs(), spec.test(), spec.tasks());
    }

    private String liveImage(String container) {
        String arn = f.ecs.describeServices(r -> r.cluster(DeployFixture.CLUSTER).services("backend")).services().get(0)
                .taskDefinition();
        return container(f.ecs.describeTaskDefinition(r -> r.taskDefinition(arn)).taskDefinition().containerDefinitions(),
                container).image();
    }

    private static ContainerDefinition container(List<ContainerDefinition> all, String name) {
        return all.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
