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

    /*
     * Whatever the spec wrote, rendering it for RegisterTaskDefinition either works or fails with a DriftlessException
     * naming the field: never a ClassCastException, IllegalArgumentException or NullPointerException, and never a
     * mapping or list sent to ECS as a text. Validate catches the top-level shapes; these also go deeper.
     */
    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> wrongShapes() {
        java.util.List<Object> withNull = new java.util.ArrayList<>();
        withNull.add(null);
        java.util.Map<String, Object> nullValue = new java.util.HashMap<>();
        nullValue.put("type", null);
        return java.util.stream.Stream.of(
                task("proxyConfiguration", "envoy"),
                task("proxyConfiguration", List.of("envoy")),
                task("proxyConfiguration", Map.of("properties", "AppPorts=8080")),
                task("proxyConfiguration", Map.of("type", List.of("APPMESH"))),
                task("proxyConfiguration", Map.of("properties", List.of("AppPorts"))),
                task("proxyConfiguration", Map.of("typo", "APPMESH")),
                task("pidMode", Map.of("a", 1)),
                task("placementConstraints", Map.of("type", "memberOf")),
                task("placementConstraints", withNull),
                task("enableFaultInjection", "yes"),
                task("enableFaultInjection", List.of(true)),
                task("inferenceAccelerators", List.of("x")),
                container("startTimeout", "30"),
                container("startTimeout", List.of(30)),
                container("dockerLabels", "team"),
                container("dockerLabels", List.of("team")),
                container("dockerLabels", Map.of("team", Map.of("a", "b"))),
                container("restartPolicy", Map.of("enabled", "sometimes")),
                container("restartPolicy", Map.of("ignoredExitCodes", 1)),
                container("restartPolicy", Map.of("restartAttemptPeriod", "60s")),
                container("repositoryCredentials", nullValue),
                container("systemControls", List.of(List.of("net.core.somaxconn"))),
                container("privileged", 1L),
                container("hostname", List.of("a", "b")),
                container("dockerLabels", nullValue));
    }

    private static org.junit.jupiter.params.provider.Arguments task(String field, Object value) {
        return org.junit.jupiter.params.provider.Arguments.of(RegisterTaskDefinitionRequest.builder(), field, value);
    }

    private static org.junit.jupiter.params.provider.Arguments container(String field, Object value) {
        return org.junit.jupiter.params.provider.Arguments.of(ContainerDefinition.builder(), field, value);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{1}: {2}")
    @org.junit.jupiter.params.provider.MethodSource("wrongShapes")
    void noShapeThrowsAnythingButAnErrorNamingTheField(software.amazon.awssdk.core.SdkPojo builder, String field, Object value) {
        Map<String, Object> extra = new java.util.HashMap<>();
        extra.put(field, value);
        assertThatThrownBy(() -> {
            SdkValues.apply(builder, extra);
            ((software.amazon.awssdk.utils.builder.SdkBuilder<?, ?>) builder).build();
        }).isExactlyInstanceOf(DriftlessException.class)
                .hasMessageContaining("extra field '" + field + "' does not have the shape ECS takes");
    }
}
