package dev.driftless.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Deploy's outputs and --json keep the exact text Jackson's default printers gave them. */
class JsonTextTest {
    static Map<String, Object> report() {
        Map<String, Object> ok = new LinkedHashMap<>();
        ok.put("service", "backend");
        ok.put("taskDefinitionArn", "arn:aws:ecs:us-west-2:123456789012:task-definition/durable-code-dev-backend:2");
        ok.put("previous", null);
        ok.put("durationSeconds", 42L);
        ok.put("reasons", List.of());
        Map<String, Object> failed = new LinkedHashMap<>(ok);
        failed.put("service", "front\"end\n");
        failed.put("reasons", List.of("circuit breaker: tasks failed", "rolled back to x:1 (stable) é 😀"));
        failed.put("nested", Map.of());
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("application", "durable-code");
        j.put("dryRun", false);
        j.put("ok", true);
        j.put("count", 3);
        j.put("services", List.of(ok, failed));
        j.put("none", List.of());
        return j;
    }

    @Test
    void prettyIsJacksonsIndentOutput() throws Exception {
        String jackson = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report());

        assertThat(JsonText.pretty(report())).isEqualTo(jackson);
    }

    @Test
    void compactIsJacksonsDefault() throws Exception {
        Map<String, String> arns = new LinkedHashMap<>();
        arns.put("backend", "arn:aws:ecs:us-west-2:1:task-definition/b:2");
        arns.put("frontend", null);

        assertThat(JsonText.compact(arns)).isEqualTo(new ObjectMapper().writeValueAsString(arns));
        assertThat(JsonText.compact(report())).isEqualTo(new ObjectMapper().writeValueAsString(report()));
        assertThat(JsonText.compact(Map.of())).isEqualTo("{}");
    }
}
