package dev.driftless.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftless.spec.Capacity;
import dev.driftless.spec.DeploySpec;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DesiredRendererTest {
    private final DeploySpec spec = SampleSpec.spec();
    private final DesiredRenderer renderer = new DesiredRenderer(spec);

    @Test
    void rendersTheBackendTaskDefinitionForDev() {
        var view = spec.servicesIn("dev").get("backend");
        DesiredService d = renderer.render(view, renderer.imageUri(view, new ImageRef.Tag("abc123")));

        TaskDefinition td = d.taskDefinition();
        assertThat(td.family()).isEqualTo("durable-code-dev-backend");
        assertThat(td.cpu()).isEqualTo(256);
        assertThat(td.memory()).isEqualTo(512);
        assertThat(td.networkMode()).isEqualTo("awsvpc");
        assertThat(td.requiresCompatibilities()).containsExactly("FARGATE");
        assertThat(td.cpuArchitecture()).isEqualTo("X86_64");
        assertThat(td.executionRoleArn()).isEqualTo("arn:aws:iam::123456789012:role/durable-code-exec");
        assertThat(td.taskRoleArn()).isEqualTo("arn:aws:iam::123456789012:role/durable-code-task");
        TaskDefinition.Container c = td.container();
        assertThat(c.name()).isEqualTo("backend");
        assertThat(c.image()).isEqualTo("123456789012.dkr.ecr.us-west-2.amazonaws.com/durable-code-backend:abc123");
        assertThat(c.portMappings()).containsExactly(new TaskDefinition.PortMapping(8000, "tcp"));
        assertThat(c.environment()).containsExactly(Map.entry("LOG_LEVEL", "info"), Map.entry("PORT", "8000"));
        assertThat(c.secrets()).containsOnlyKeys("DATABASE_URL");
        assertThat(c.logConfiguration().options()).containsEntry("awslogs-group", "/ecs/durable-code")
                .containsEntry("awslogs-region", "us-west-2").containsEntry("awslogs-stream-prefix", "backend");
        assertThat(c.healthCheck().command()).containsExactly("CMD-SHELL", "curl -fs localhost:8000/health || exit 1");
        assertThat(d.cluster()).isEqualTo("durable-code-dev");
        assertThat(d.tags()).containsEntry("Project", "durable-code").containsEntry("driftless:environment", "dev");
    }

    @Test
    void prodAppliesTheOverride() {
        var view = spec.servicesIn("prod").get("backend");
        DesiredService d = renderer.render(view, renderer.imageUri(view, new ImageRef.Tag("abc123")));

        assertThat(d.taskDefinition().family()).isEqualTo("durable-code-prod-backend");
        assertThat(d.taskDefinition().cpu()).isEqualTo(512);
        assertThat(d.taskDefinition().memory()).isEqualTo(1024);
        assertThat(d.taskDefinition().container().environment()).containsEntry("LOG_LEVEL", "warn");
        assertThat(d.settings().desiredCount()).isEqualTo(2);
        assertThat(d.settings().capacityProviderStrategy()).containsExactly(new ServiceSettings.CapacityItem("FARGATE", 1, 0));
    }

    @Test
    void frontendGetsItsLoadBalancerCommandAndArchitecture() {
        var view = spec.servicesIn("dev").get("frontend");
        DesiredService d = renderer.render(view, renderer.imageUri(view, new ImageRef.Tag("t")));

        assertThat(d.taskDefinition().cpuArchitecture()).isEqualTo("ARM64");
        assertThat(d.taskDefinition().container().command()).containsExactly("node", "server.js");
        assertThat(d.settings().loadBalancers()).containsExactly(new ServiceSettings.LoadBalancerBinding(
                "arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/frontend/0123456789abcdef", "frontend", 3000));
        assertThat(d.settings().network().subnets()).containsExactly("subnet-0a1b");
        assertThat(d.settings().circuitBreaker()).isTrue();
        assertThat(d.settings().circuitBreakerRollback()).isTrue();
        assertThat(d.settings().propagateTags()).isEqualTo("SERVICE");
    }

    @Test
    void aDigestPinsTheImage() {
        var view = spec.servicesIn("dev").get("backend");
        String digest = "sha256:" + "ab".repeat(32);

        assertThat(renderer.imageUri(view, new ImageRef.Digest(digest)))
                .isEqualTo("123456789012.dkr.ecr.us-west-2.amazonaws.com/durable-code-backend@" + digest);
        assertThat(ImageRef.parse(digest)).isEqualTo(new ImageRef.Digest(digest));
        assertThat(ImageRef.parse("v1.2")).isEqualTo(new ImageRef.Tag("v1.2"));
        assertThatThrownBy(() -> new ImageRef.Digest("sha256:xyz")).isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> capacities() {
        return Stream.of(
                Arguments.of(new Capacity.Spot(), List.of(
                        new ServiceSettings.CapacityItem("FARGATE", 0, 0), new ServiceSettings.CapacityItem("FARGATE_SPOT", 1, 0))),
                Arguments.of(new Capacity.OnDemand(), List.of(new ServiceSettings.CapacityItem("FARGATE", 1, 0))),
                Arguments.of(new Capacity.Mixed(3, 1, 1), List.of(
                        new ServiceSettings.CapacityItem("FARGATE", 1, 1), new ServiceSettings.CapacityItem("FARGATE_SPOT", 3, 0))));
    }

    @ParameterizedTest
    @MethodSource("capacities")
    void capacityBecomesAProviderStrategy(Capacity capacity, List<ServiceSettings.CapacityItem> expected) {
        var settings = new ServiceSettings(1, DesiredRenderer.capacityStrategy(capacity), null, null, true, true, "SERVICE");

        assertThat(settings.capacityProviderStrategy()).containsExactlyElementsOf(expected);
    }

    @Test
    void theHashIsStableAndChangesWithTheDefinition() {
        var view = spec.servicesIn("dev").get("backend");
        DesiredService a = renderer.render(view, renderer.imageUri(view, new ImageRef.Tag("one")));
        DesiredService again = new DesiredRenderer(SampleSpec.spec()).render(view, renderer.imageUri(view, new ImageRef.Tag("one")));
        DesiredService b = renderer.render(view, renderer.imageUri(view, new ImageRef.Tag("two")));

        assertThat(a.specHash()).hasSize(16).isEqualTo(again.specHash()).isNotEqualTo(b.specHash());
        assertThat(SpecHash.canonical(a.taskDefinition())).contains("\"family\":\"durable-code-dev-backend\"");
    }
}
