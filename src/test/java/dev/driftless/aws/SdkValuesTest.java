package dev.driftless.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftless.DriftlessException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;

class SdkValuesTest {
    @Test
    void plainValuesBecomeTheSdkModelAndReadBackEqual() {
        Map<String, Object> extra = Map.of(
                "pidMode", "task",
                "proxyConfiguration", Map.of("type", "APPMESH", "containerName", "envoy",
                        "properties", List.of(Map.of("name", "AppPorts", "value", "8080"))));
        RegisterTaskDefinitionRequest.Builder b = RegisterTaskDefinitionRequest.builder().family("f");

        SdkValues.apply(b, extra);
        RegisterTaskDefinitionRequest r = b.build();

        assertThat(r.pidModeAsString()).isEqualTo("task");
        assertThat(r.proxyConfiguration().containerName()).isEqualTo("envoy");
        assertThat(r.proxyConfiguration().properties()).singleElement().satisfies(p -> assertThat(p.value()).isEqualTo("8080"));
        assertThat(SdkValues.read(r, List.of("pidMode", "proxyConfiguration"))).isEqualTo(extra);
    }

    @Test
    void numbersAndBooleansTakeTheModelsTypes() {
        ContainerDefinition.Builder b = ContainerDefinition.builder();

        SdkValues.apply(b, Map.of("startTimeout", 30L, "interactive", true, "dockerLabels", Map.of("team", "core")));

        ContainerDefinition c = b.build();
        assertThat(c.startTimeout()).isEqualTo(30);
        assertThat(c.interactive()).isTrue();
        assertThat(c.dockerLabels()).containsEntry("team", "core");
    }

    @Test
    void aValueOfTheWrongShapeIsAnErrorNamingTheField() {
        assertThatThrownBy(() -> SdkValues.apply(RegisterTaskDefinitionRequest.builder(), Map.of("proxyConfiguration", "envoy")))
                .isInstanceOf(DriftlessException.class)
                .hasMessageContaining("extra field 'proxyConfiguration' does not have the shape ECS takes");
    }
}
