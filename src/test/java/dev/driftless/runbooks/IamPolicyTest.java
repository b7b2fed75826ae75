package dev.driftless.runbooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * runbooks/iam-policy.json must allow every AWS action the code calls (and the ones AWS checks on
 * its behalf). When this fails: add the named action to the policy, and to runbooks/oidc-setup.md.
 */
class IamPolicyTest {
    private static final Path POLICY = Path.of("runbooks/iam-policy.json");
    private static final Path SOURCE = Path.of("src/main/java");

    private static final AwsCallScanner SCANNER = new AwsCallScanner();

    @Test
    void thePolicyAllowsEveryActionTheCodeCalls() throws IOException {
        Map<String, String> required = SCANNER.required(SOURCE);
        Set<String> missing = AwsCallScanner.missing(required, allowed(policy()));

        assertThat(missing)
                .as("runbooks/iam-policy.json lacks actions driftless needs:%n%s",
                        missing.stream().map(a -> "  " + a + " — " + required.get(a)).collect(Collectors.joining("\n")))
                .isEmpty();
    }

    @ParameterizedTest(name = "without {0} the check fails")
    @MethodSource("requiredActions")
    void theCheckFailsWhenTheCodeCallsAnActionThePolicyDropped(String action) throws IOException {
        JsonNode policy = policy();
        Set<String> allowed = allowed(policy);
        allowed.removeIf(a -> AwsCallScanner.matches(a, action));

        assertThat(AwsCallScanner.missing(SCANNER.required(SOURCE), allowed)).contains(action);
    }

    @Test
    void theScannerFindsTheCallsItIsMeantToFind() {
        Map<String, ?> found = SCANNER.scan(SOURCE);

        // calls already on main when this test was written; if one moves, the scan must still see it
        assertThat(found).containsKeys("ecs:DescribeServices", "ecs:DescribeTaskDefinition",
                "application-autoscaling:DescribeScalableTargets", "ce:GetCostAndUsage");
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
        "ecs:DescribeServices, ecs:DescribeServices, true",
        "ecs:Describe*,        ecs:DescribeServices, true",
        "ECS:describeservices, ecs:DescribeServices, true",
        "ecs:*,                ecr:PutImage,         false",
        "ecs:Describe?ervices, ecs:DescribeServices, true",
        "ecs:UpdateService,    ecs:UpdateServicePrimaryTaskSet, false",
    })
    void policyActionsMatchLikeIam(String pattern, String action, boolean matches) {
        assertThat(AwsCallScanner.matches(pattern, action)).isEqualTo(matches);
    }

    @Test
    void everyStatementIsAnAllowWithActionsAndResources() throws IOException {
        JsonNode policy = policy();
        assertThat(policy.path("Version").asText()).isEqualTo("2012-10-17");
        for (JsonNode s : policy.path("Statement")) {
            assertThat(s.path("Effect").asText()).as(s.path("Sid").asText()).isEqualTo("Allow");
            assertThat(s.has("Action")).isTrue();
            assertThat(s.has("Resource")).isTrue();
            assertThat(texts(s.path("Action"))).noneMatch(a -> a.equals("*") || a.endsWith(":*"));
        }
    }

    static Stream<String> requiredActions() {
        return SCANNER.required(SOURCE).keySet().stream();
    }

    private static JsonNode policy() throws IOException {
        return new ObjectMapper().readTree(POLICY.toFile());
    }

    private static Set<String> allowed(JsonNode policy) {
        Set<String> actions = new TreeSet<>();
        for (JsonNode s : policy.path("Statement")) {
            if ("Allow".equals(s.path("Effect").asText())) {
                actions.addAll(texts(s.path("Action")));
            }
        }
        return actions;
    }

    private static Set<String> texts(JsonNode node) {
        Set<String> out = new TreeSet<>();
        if (node.isTextual()) {
            out.add(node.asText());
        } else {
            node.forEach(n -> out.add(n.asText()));
        }
        return out;
    }
}
