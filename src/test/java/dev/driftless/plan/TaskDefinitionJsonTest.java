package dev.driftless.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What ECS fills in or reorders must not count as a difference, and what it does not must: each row is a
 * base definition edited two ways, read through the normaliser and compared field by field.
 */
class TaskDefinitionJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String BASE = """
            {"family":"orders","cpu":"256","memory":"512","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],
             "executionRoleArn":"arn:aws:iam::123456789012:role/exec",
             "containerDefinitions":[{"name":"app","image":"nginx:1.25","essential":true,
               "portMappings":[{"containerPort":8080,"protocol":"tcp"}],
               "environment":[{"name":"A","value":"1"},{"name":"B","value":"2"}],
               "secrets":[{"name":"DB","valueFrom":"/orders/db"},{"name":"KEY","valueFrom":"/orders/key"}],
               "logConfiguration":{"logDriver":"awslogs","options":{"awslogs-group":"/ecs/orders","awslogs-region":"us-east-1","awslogs-stream-prefix":"ecs"}},
               "healthCheck":{"command":["CMD-SHELL","curl -f localhost:8080/ || exit 1"],"interval":30,"timeout":5,"retries":3,"startPeriod":0}}]}
            """;

    static Stream<Arguments> equivalent() {
        return Stream.of(
                Arguments.of("cpu as a number", "$.cpu", 256),
                Arguments.of("cpu in vCPU", "$.cpu", "0.25 vCPU"),
                Arguments.of("cpu in vcpu without a space", "$.cpu", ".25vcpu"),
                Arguments.of("memory as a number", "$.memory", 512),
                Arguments.of("memory in GB", "$.memory", "0.5 GB"),
                Arguments.of("memory in GiB", "$.memory", "0.5GiB"),
                Arguments.of("environment in another order", "$.containerDefinitions[0].environment",
                        List.of(Map.of("name", "B", "value", "2"), Map.of("name", "A", "value", "1"))),
                Arguments.of("secrets in another order", "$.containerDefinitions[0].secrets",
                        List.of(Map.of("name", "KEY", "valueFrom", "/orders/key"), Map.of("name", "DB", "valueFrom", "/orders/db"))),
                Arguments.of("protocol left to its default", "$.containerDefinitions[0].portMappings",
                        List.of(Map.of("containerPort", 8080))),
                Arguments.of("hostPort filled in under awsvpc", "$.containerDefinitions[0].portMappings",
                        List.of(Map.of("containerPort", 8080, "hostPort", 8080, "protocol", "TCP"))),
                Arguments.of("health check with ECS's defaults left out", "$.containerDefinitions[0].healthCheck",
                        Map.of("command", List.of("CMD-SHELL", "curl -f localhost:8080/ || exit 1"))),
                Arguments.of("essential left to its default", "$.containerDefinitions[0].essential", null),
                Arguments.of("log options in another order", "$.containerDefinitions[0].logConfiguration",
                        Map.of("logDriver", "awslogs", "options", new java.util.LinkedHashMap<>(Map.of(
                                "awslogs-stream-prefix", "ecs", "awslogs-region", "us-east-1", "awslogs-group", "/ecs/orders")))),
                Arguments.of("runtimePlatform at its default", "$.runtimePlatform",
                        Map.of("cpuArchitecture", "X86_64", "operatingSystemFamily", "LINUX")),
                Arguments.of("empty lists as ECS returns them", "$.volumes", List.of()),
                Arguments.of("empty placement constraints", "$.placementConstraints", List.of()),
                Arguments.of("container mountPoints empty", "$.containerDefinitions[0].mountPoints", List.of()),
                Arguments.of("container cpu 0 as ECS fills it", "$.containerDefinitions[0].cpu", 0),
                Arguments.of("read-only: revision", "$.revision", 7),
                Arguments.of("read-only: status", "$.status", "ACTIVE"),
                Arguments.of("read-only: registeredAt", "$.registeredAt", "2024-05-02T10:11:12.000Z"),
                Arguments.of("read-only: registeredBy", "$.registeredBy", "arn:aws:sts::123456789012:assumed-role/x/y"),
                Arguments.of("read-only: compatibilities", "$.compatibilities", List.of("EC2", "FARGATE")),
                Arguments.of("read-only: requiresAttributes", "$.requiresAttributes",
                        List.of(Map.of("name", "com.amazonaws.ecs.capability.logging-driver.awslogs"))),
                Arguments.of("read-only: taskDefinitionArn", "$.taskDefinitionArn",
                        "arn:aws:ecs:us-east-1:123456789012:task-definition/orders:7"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("equivalent")
    void readsTheSame(String name, String path, Object value) {
        TaskDefinition base = read(BASE);
        TaskDefinition edited = read(edit(BASE, path, value));

        assertThat(Fields.of(edited)).isEqualTo(Fields.of(base));
        assertThat(edited).isEqualTo(base);
    }

    static Stream<Arguments> different() {
        return Stream.of(
                Arguments.of("cpu", "$.cpu", "512", "CPU_MEMORY"),
                Arguments.of("another variable value", "$.containerDefinitions[0].environment",
                        List.of(Map.of("name", "A", "value", "1"), Map.of("name", "B", "value", "3")), "ENVIRONMENT"),
                Arguments.of("udp instead of tcp", "$.containerDefinitions[0].portMappings",
                        List.of(Map.of("containerPort", 8080, "protocol", "udp")), "TASK_DEFINITION"),
                Arguments.of("a Service Connect port name", "$.containerDefinitions[0].portMappings",
                        List.of(Map.of("containerPort", 8080, "name", "web", "appProtocol", "http")), "TASK_DEFINITION"),
                Arguments.of("health check retries", "$.containerDefinitions[0].healthCheck",
                        Map.of("command", List.of("CMD-SHELL", "curl -f localhost:8080/ || exit 1"), "retries", 5), "TASK_DEFINITION"),
                Arguments.of("not essential", "$.containerDefinitions[0].essential", false, "TASK_DEFINITION"),
                Arguments.of("arm64", "$.runtimePlatform", Map.of("cpuArchitecture", "ARM64"), "TASK_DEFINITION"),
                Arguments.of("ephemeral storage", "$.ephemeralStorage", Map.of("sizeInGiB", 50), "TASK_DEFINITION"),
                Arguments.of("a mount point", "$.containerDefinitions[0].mountPoints",
                        List.of(Map.of("sourceVolume", "data", "containerPath", "/data")), "TASK_DEFINITION"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("different")
    void readsDifferent(String name, String path, Object value, String group) {
        var diff = Fields.diff(Fields.of(read(BASE)), Fields.of(read(edit(BASE, path, value))), null, false);

        assertThat(diff).hasSize(1);
        assertThat(diff.get(0).group().name()).isEqualTo(group);
    }

    @Test
    void requiresCompatibilitiesInAnyOrderReadTheSame() {
        assertThat(read(edit(BASE, "$.requiresCompatibilities", List.of("FARGATE", "EC2"))))
                .isEqualTo(read(edit(BASE, "$.requiresCompatibilities", List.of("EC2", "FARGATE"))));
    }

    @Test
    void keepsWhatTheSpecCannotSayAndPicksTheNamedContainer() {
        String td = """
                {"family":"api","cpu":"1 vCPU","memory":"2 GB","networkMode":"awsvpc","ephemeralStorage":{"sizeInGiB":50},
                 "volumes":[{"name":"data","efsVolumeConfiguration":{"fileSystemId":"fs-1","transitEncryption":"ENABLED"}}],
                 "containerDefinitions":[
                   {"name":"log-router","image":"fluent-bit:2","essential":false,"firelensConfiguration":{"type":"fluentbit"},"cpu":0},
                   {"name":"api","image":"api:1","mountPoints":[{"sourceVolume":"data","containerPath":"/data"}],
                    "portMappings":[{"containerPort":80,"name":"web","appProtocol":"HTTP"}]}]}
                """;

        TaskDefinition read = TaskDefinitionJson.read(parse(td), "api");

        assertThat(read.cpu()).isEqualTo(1024);
        assertThat(read.memory()).isEqualTo(2048);
        assertThat(read.container().name()).isEqualTo("api");
        assertThat(read.container().essential()).isTrue();
        assertThat(read.container().portMappings()).containsExactly(new TaskDefinition.PortMapping(80, "tcp", "web", "http"));
        assertThat(read.carried().names()).containsExactly("ephemeralStorage", "volumes", "container mountPoints",
                "sidecar log-router");
        assertThat(read.carried().task().get("ephemeralStorage")).isEqualTo(Map.of("sizeInGiB", 50L));
        // the sidecar is normalised like any container: its cpu 0 is ECS's default
        assertThat(read.carried().sidecars().get(0)).doesNotContainKey("cpu").containsEntry("essential", false);
    }

    @Test
    void carryingOverKeepsLiveFieldsAndLetsTheRenderingWin() {
        Carried live = new Carried(new java.util.TreeMap<>(Map.of("ephemeralStorage", Map.of("sizeInGiB", 50L), "pidMode", "task")),
                null, List.of(Map.of("name", "envoy", "image", "envoy:1")));
        Carried rendered = new Carried(new java.util.TreeMap<>(Map.of("pidMode", "host")), null, null);

        Carried merged = rendered.over(live);

        assertThat(merged.task()).containsEntry("pidMode", "host").containsEntry("ephemeralStorage", Map.of("sizeInGiB", 50L));
        assertThat(merged.sidecars()).extracting(s -> s.get("name")).containsExactly("envoy");
    }

    @Test
    void anEmptyCarriedLeavesTheHashAsItWas() {
        TaskDefinition td = read(BASE);
        TaskDefinition without = new TaskDefinition(td.family(), td.cpu(), td.memory(), td.networkMode(),
                td.requiresCompatibilities(), td.cpuArchitecture(), td.operatingSystemFamily(), td.executionRoleArn(),
                td.taskRoleArn(), td.container());

        assertThat(SpecHash.canonical(without)).doesNotContain("carried");
        assertThat(SpecHash.canonical(td.carryingOver(new Carried(new java.util.TreeMap<>(Map.of("pidMode", "task")), null, null))))
                .contains("carried");
    }

    @Test
    void aWrongShapeNamesTheKey() {
        assertThatThrownBy(() -> TaskDefinitionJson.read(parse("{\"family\":\"x\",\"containerDefinitions\":{\"name\":\"a\"}}"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'containerDefinitions' must be a list");
        assertThatThrownBy(() -> TaskDefinitionJson.read(parse("{\"family\":\"x\",\"cpu\":\"lots\"}"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'lots' is not a cpu/memory size");
    }

    private static TaskDefinition read(String json) {
        return TaskDefinitionJson.read(parse(json), "app");
    }

    static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Sets a value at a tiny JSON path ($.a, $.a[0].b); null removes the key. */
    @SuppressWarnings("unchecked")
    private static String edit(String json, String path, Object value) {
        Map<String, Object> root = parse(json);
        Object node = root;
        String[] parts = path.substring(2).split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            node = step(node, parts[i]);
        }
        Map<String, Object> parent = (Map<String, Object>) node;
        if (value == null) {
            parent.remove(parts[parts.length - 1]);
        } else {
            parent.put(parts[parts.length - 1], value);
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object step(Object node, String part) {
        int bracket = part.indexOf('[');
        if (bracket < 0) {
            return ((Map<String, Object>) node).get(part);
        }
        Object list = ((Map<String, Object>) node).get(part.substring(0, bracket));
        return ((List<Object>) list).get(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)));
    }
}
