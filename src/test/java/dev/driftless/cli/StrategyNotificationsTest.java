package dev.driftless.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftless.engine.DeployReport;
import dev.driftless.engine.ServiceResult;
import dev.driftless.engine.ServiceResult.Outcome;
import dev.driftless.render.DeployComment;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The GitHub deployment status and the pull-request comment name a service's strategy and where it stopped. */
class StrategyNotificationsTest {
    static final String TD = "arn:aws:ecs:us-west-2:123456789012:task-definition/durable-code-dev-";
    static final DeployReport REPORT = new DeployReport("dev", "durable-code-dev", false, List.of(
            new ServiceResult("backend", Outcome.DEPLOYED, TD + "backend:5", TD + "backend:5", TD + "backend:4",
                    "123456789012.dkr.ecr.us-west-2.amazonaws.com/durable-code-backend:def456", Duration.ofMinutes(2), List.of()),
            new ServiceResult("frontend", Outcome.FAILED_ROLLED_BACK, TD + "frontend:3", TD + "frontend:4", TD + "frontend:3",
                    "123456789012.dkr.ecr.us-west-2.amazonaws.com/durable-code-frontend:def456", Duration.ofMinutes(14),
                    List.of("alarm api-5xx went to ALARM")).withDeployment("canary 10% for 5m, then all — rolled back in BAKE_TIME")));

    @Test
    void theDeploymentStatusDescriptionNamesTheStrategyAndTheStage() {
        String description = DeployNotifications.description("Deploy failed: 2 services" + DeployNotifications.deployments(REPORT));

        assertThat(description).isEqualTo("Deploy failed: 2 services; frontend: canary 10% for 5m, then all — rolled back in BAKE_TIME");
        assertThat(DeployNotifications.description("x".repeat(200))).hasSize(140).endsWith("…");
    }

    @Test
    void thePullRequestCommentNamesThem() {
        String md = DeployComment.render("Deploy", "durable-code", "0123456789abcdef", REPORT, 42.0, Optional.empty(), null);

        assertThat(md).contains("| frontend | ❌ failed, rolled back (canary 10% for 5m, then all — rolled back in BAKE_TIME) |")
                .contains("| backend | deployed |");
    }
}
