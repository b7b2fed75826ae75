package dev.driftless.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.driftless.spec.DeploySpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hand-written canonical JSON must be byte for byte what the Jackson mapper SpecHash used before wrote:
 * every service already deployed carries hashes made that way, and a different byte would show them all
 * as changed after an upgrade.
 */
class CanonicalJsonTest {
    /** The mapper SpecHash used up to this change, exactly as it was configured. */
    static final ObjectMapper BEFORE = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    static Stream<Object> renderings() {
        List<Object> all = new ArrayList<>();
        DeploySpec spec = SampleSpec.spec();
        DesiredRenderer renderer = new DesiredRenderer(spec);
        for (String env : List.of("dev", "prod")) {
            spec.servicesIn(env).values().forEach(view -> {
                DesiredService d = renderer.render(view, renderer.imageUri(view, new ImageRef.Tag("abc123")));
                all.add(d.taskDefinition());
                all.add(d.settings());
                ServiceSettings s = d.settings();
                all.add(new ServiceSettings(0, s.capacityProviderStrategy(), s.network(), s.loadBalancers(),
                        s.circuitBreaker(), s.circuitBreakerRollback(), s.propagateTags()));
            });
        }
        Map<String, String> awkward = new LinkedHashMap<>();
        awkward.put("Z_LAST", "quote \" backslash \\ slash / <tag> & 'single'");
        awkward.put("A_FIRST", "new\nline\ttab\rcr\bback\fform\u0001\u001f\u007f");
        awkward.put("UNICODE", "é ü 日本 😀 \u2028");
        awkward.put("EMPTY", "");
        all.add(new TaskDefinition("f", 256, 512, "awsvpc", List.of("FARGATE", "EC2"), null, null, null, null,
                new TaskDefinition.Container("c", "img:1", false, List.of(new TaskDefinition.PortMapping(80, "UDP"),
                        new TaskDefinition.PortMapping(443, null)), awkward, Map.of("S", "arn:x"),
                        new TaskDefinition.LogConfiguration("awslogs", Map.of()),
                        new TaskDefinition.ContainerHealthCheck(List.of("CMD", "a\"b"), 30, 5, 3, 0), List.of("sh", "-c", "echo \\\"hi\\\""))));
        all.add(new ServiceSettings(3, List.of(), null, List.of(), true, false, null));
        // @JsonInclude on components and on a record type, doubles: what strategies and ECS Exec added
        all.add(new ServiceSettings(3, List.of(), null, List.of(), true, false, "SERVICE",
                new DeploymentStrategy(DeploymentStrategy.CANARY, 10, 12.5, 5, null, null, List.of("api-5xx"),
                        List.of(new DeploymentStrategy.Hook("arn:aws:lambda:us-west-2:123456789012:function:f", "arn:r",
                                List.of("PRE_SCALE_UP")))), true));
        all.add(new ServiceSettings(3, List.of(), null, List.of(), true, false, "SERVICE", null, false));
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void writesTheBytesJacksonWrote(Object value) throws Exception {
        String jackson = new String(BEFORE.writeValueAsBytes(value), StandardCharsets.UTF_8);

        assertThat(CanonicalJson.of(value)).isEqualTo(jackson);
    }
}
