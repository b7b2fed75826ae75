package dev.driftless.runbooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * runbooks/iam-policy.json must allow every AWS action the code calls (and the ones AWS checks on
 * its behalf), and nothing else. When this fails: add the named action to the policy (or remove the
 * unneeded one), and keep runbooks/oidc-setup.md's table in step.
 */
class IamPolicyTest {
    private static final Path POLICY = Path.of("runbooks/iam-policy.json");
    private static final Path SOURCE = Path.of("src/main/java");
    private static final Path RUNBOOK = Path.of("runbooks/oidc-setup.md");

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

    @Test
    void thePolicyAllowsNothingTheCodeNeitherCallsNorImplies() throws IOException {
        Set<String> unneeded = AwsCallScanner.unneeded(SCANNER.required(SOURCE), allowed(policy()));

        assertThat(unneeded)
                .as("runbooks/iam-policy.json allows actions driftless neither calls nor implies:%n%s%n"
                        + "remove it from iam-policy.json or say in AwsCallScanner.IMPLIED why AWS needs it",
                        unneeded.stream().map(a -> "  " + a).collect(Collectors.joining("\n")))
                .isEmpty();
    }

    @ParameterizedTest(name = "with {0} added the check fails")
    @ValueSource(strings = {"ecs:DeleteService", "ecr:BatchDeleteImage", "iam:CreateRole", "ecs:DescribeContainerInstances"})
    void theCheckFailsWhenThePolicyAllowsAnActionNothingNeeds(String extra) throws IOException {
        Set<String> allowed = allowed(policy());
        allowed.add(extra);

        assertThat(AwsCallScanner.unneeded(SCANNER.required(SOURCE), allowed)).contains(extra);
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

    @Test
    void theSetupRunbookTableListsExactlyThePolicysStatementsAndActions() throws IOException {
        Map<String, Set<String>> inPolicy = new TreeMap<>();
        for (JsonNode s : policy().path("Statement")) {
            inPolicy.put(s.path("Sid").asText(), texts(s.path("Action")));
        }

        assertThat(runbookTable()).as("the permissions table in %s", RUNBOOK).isEqualTo(inPolicy);
    }

    /**
     * Statement → actions from the runbook's table; within a cell an action without a prefix takes
     * the one before it ({@code ecs:CreateService, UpdateService}), as people write them.
     */
    private static Map<String, Set<String>> runbookTable() throws IOException {
        List<String> lines = Files.readAllLines(RUNBOOK);
        int header = lines.indexOf("| statement | actions | why |");
        assertThat(header).as("the permissions table's header in %s", RUNBOOK).isNotNegative();
        Map<String, Set<String>> table = new TreeMap<>();
        for (String row : lines.subList(header + 2, lines.size())) {
            if (!row.startsWith("|")) {
                break;
            }
            String[] cells = row.split("\\|");
            Set<String> actions = new TreeSet<>();
            String prefix = "";
            for (String a : cells[2].split("[,;]")) {
                String action = a.trim();
                if (action.contains(":")) {
                    prefix = action.substring(0, action.indexOf(':') + 1);
                    actions.add(action);
                } else {
                    actions.add(prefix + action);
                }
            }
            table.put(cells[1].trim(), actions);
        }
        return table;
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
