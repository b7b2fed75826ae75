package dev.driftless.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftless.plan.ImageRef;
import dev.driftless.plan.Plan;
import dev.driftless.testing.MotoServer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * The project's moto launcher (src/main/resources/moto/rollouts.py) keeps what CreateService was given for the
 * capacity provider strategy and the deployment configuration — stock moto drops both — so a plan right after
 * a deploy shows no change, as it would on ECS.
 */
class RolloutsLauncherTest {

    MotoNetwork network;

    Service deployAndDescribe(MotoServer moto, DeployFixture f) {
        network = MotoNetwork.create(moto);
        f.createCluster();
        assertThat(f.deploy(DeployFixture.spec(network), "v1").ok()).isTrue();
        return f.ecs.describeServices(r -> r.cluster(DeployFixture.CLUSTER).services("backend")).services().get(0);
    }

    @Test
    void createKeepsTheStrategyAndDeploymentConfigurationSoAPlanAfterADeployShowsNoChange() {
        try (MotoServer moto = MotoServer.startLauncher("/moto/rollouts.py", Map.of());
                DeployFixture f = new DeployFixture(moto.endpoint())) {
            Service backend = deployAndDescribe(moto, f);

            assertThat(backend.capacityProviderStrategy()).extracting(c -> c.capacityProvider() + " " + c.weight())
                    .contains("FARGATE_SPOT 1");
            assertThat(backend.deploymentConfiguration().deploymentCircuitBreaker().enable()).isTrue();
            assertThat(backend.deploymentConfiguration().deploymentCircuitBreaker().rollback()).isTrue();
            Plan plan = new Planner(f.reader()).plan(DeployFixture.spec(network), "dev", List.of(),
                    s -> new ImageRef.Tag("v1"), "tag v1", Instant.EPOCH);
            assertThat(plan.services()).allSatisfy(s -> assertThat(s.changes()).as(s.service()).isEmpty());
        }
    }

    @Test
    void stockMotoDropsTheStrategyWhichIsWhyTheLauncherExists() {
        try (MotoServer moto = MotoServer.start(); DeployFixture f = new DeployFixture(moto.endpoint())) {
            f.createCluster();
            String td = f.ecs.registerTaskDefinition(r -> r.family("plain").requiresCompatibilities(
                    software.amazon.awssdk.services.ecs.model.Compatibility.FARGATE).networkMode("awsvpc").cpu("256")
                    .memory("512").containerDefinitions(c -> c.name("app").image("app:1"))).taskDefinition().taskDefinitionArn();
            f.ecs.createService(r -> r.cluster(DeployFixture.CLUSTER).serviceName("plain").taskDefinition(td).desiredCount(1)
                    .capacityProviderStrategy(c -> c.capacityProvider("FARGATE_SPOT").weight(1)));

            assertThat(f.ecs.describeServices(r -> r.cluster(DeployFixture.CLUSTER).services("plain")).services().get(0)
                    .capacityProviderStrategy()).isEmpty();
        }
    }
}
