package dev.driftless.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Services deployed before strategies existed keep their settings hash; a strategy changes it. */
class StrategySettingsHashTest {
    static final ServiceSettings ROLLING = new ServiceSettings(1, List.of(new ServiceSettings.CapacityItem("FARGATE", 1, 0)),
            null, List.of(new ServiceSettings.LoadBalancerBinding("arn:tg", "web", 80)), true, true, "SERVICE");

    @Test
    void plainRollingHashesAsBefore() {
        String canonical = SpecHash.canonical(new ServiceSettings(0, ROLLING.capacityProviderStrategy(), null,
                ROLLING.loadBalancers(), true, true, "SERVICE"));

        assertThat(canonical).doesNotContain("deployment").doesNotContain("advanced");
        assertThat(canonical).isEqualTo("{\"capacityProviderStrategy\":[{\"base\":0,\"provider\":\"FARGATE\",\"weight\":1}],"
                + "\"circuitBreaker\":true,\"circuitBreakerRollback\":true,\"desiredCount\":0,"
                + "\"loadBalancers\":[{\"containerName\":\"web\",\"containerPort\":80,\"targetGroupArn\":\"arn:tg\"}],"
                + "\"network\":null,\"propagateTags\":\"SERVICE\"}");
    }

    @Test
    void aStrategyIsPartOfTheHash() {
        DeploymentStrategy canary = new DeploymentStrategy("CANARY", 10, 10.0, 5, null, null, List.of("api-5xx"), List.of());

        assertThat(SpecHash.of(ROLLING.withDeployment(canary))).isNotEqualTo(SpecHash.of(ROLLING));
    }
}
