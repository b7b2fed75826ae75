package dev.driftless.runbooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Least privilege for pull requests: a read-only plan role whose policy equals the calls plan and cost
 * make, the only role a pull request may assume; the deploy roles trust no pull request; plan.yml uses it.
 */
class PlanRolePolicyTest {
    private static final Path PLAN_POLICY = Path.of("runbooks/iam-policy-plan.json");
    private static final Path RUNBOOK = Path.of("runbooks/oidc-setup.md");
    /**
     * The AWS adapters plan and cost reach: PlanCommand reads live state through EcsLiveStateReader and
     * CostCommand spend through CostExplorerJsonClient; sts:GetCallerIdentity (the account guard) needs no
     * permission. {@link #planAndCostUseOnlyTheseAdapters} keeps this list honest.
     */
    private static final List<Path> PLAN_AND_COST_ADAPTERS = List.of(
            Path.of("src/main/java/dev/driftless/aws/EcsLiveStateReader.java"),
            Path.of("src/main/java/dev/driftless/aws/CostExplorerJsonClient.java"));

    @Test
    void thePlanRoleAllowsExactlyTheCallsPlanAndCostMake() throws IOException {
        Set<String> called = new TreeSet<>();
        AwsCallScanner scanner = new AwsCallScanner();
        for (Path adapter : PLAN_AND_COST_ADAPTERS) {
            called.addAll(scanner.scan(adapter).keySet());
        }
        Set<String> allowed = new TreeSet<>();
        for (JsonNode s : new ObjectMapper().readTree(PLAN_POLICY.toFile()).path("Statement")) {
            assertThat(s.path("Effect").asText()).isEqualTo("Allow");
            s.path("Action").forEach(a -> allowed.add(a.asText()));
        }

        assertThat(called).as("calls found in the adapters").isNotEmpty();
        assertThat(allowed).isEqualTo(called);
        assertThat(allowed).as("reads only").allMatch(a -> a.split(":", 2)[1].matches("(Describe|List|Get)[A-Za-z]*"));
    }

    @Test
    void planAndCostUseOnlyTheseAdapters() throws IOException {
        for (String command : List.of("PlanCommand", "CostCommand")) {
            String source = Files.readString(Path.of("src/main/java/dev/driftless/cli/" + command + ".java"));
            Matcher m = Pattern.compile("\\baws\\.([a-zA-Z]+)\\(").matcher(source);
            while (m.find()) {
                assertThat(m.group(1)).as(command + " uses aws." + m.group(1) + "()")
                        .isIn("ecs", "autoScaling", "costExplorer", "requireAccount");
            }
            assertThat(source).as(command).doesNotContain("EcsServiceWriter").doesNotContain("EcsTaskDefinitionStore")
                    .doesNotContain("EcsServiceScaling").doesNotContain("EcrRegistry");
        }
    }

    @Test
    void onlyThePlanRoleTrustsPullRequestsAndTheDeployRolesTrustTheBranchAndEnvironmentsOnly() throws IOException {
        List<JsonNode> trusts = trustPolicies();
        assertThat(trusts).hasSizeGreaterThanOrEqualTo(3);
        int planRoles = 0;
        for (JsonNode trust : trusts) {
            List<String> subjects = new ArrayList<>();
            for (JsonNode s : trust.path("Statement")) {
                for (JsonNode condition : s.path("Condition")) {
                    JsonNode sub = condition.path("token.actions.githubusercontent.com:sub");
                    if (sub.isArray()) {
                        sub.forEach(v -> subjects.add(v.asText()));
                    } else if (!sub.isMissingNode()) {
                        subjects.add(sub.asText());
                    }
                }
            }
            assertThat(subjects).as("every trust policy names its subjects").isNotEmpty();
            if (subjects.contains("repo:OWNER/REPO:pull_request")) {
                planRoles++;
                assertThat(subjects).as("the plan role trusts pull requests only").containsExactly("repo:OWNER/REPO:pull_request");
            } else {
                assertThat(subjects).as("a deploy role: the default branch and environments only").allMatch(
                        s -> s.equals("repo:OWNER/REPO:ref:refs/heads/main") || s.matches("repo:OWNER/REPO:environment:[a-z]+"));
            }
        }
        assertThat(planRoles).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void planYmlAssumesThePlanRoleForEveryAwsStep() throws IOException {
        Map<String, Object> workflow = new Yaml().load(Files.readString(Path.of(".github/workflows/plan.yml")));
        Map<String, Object> jobs = (Map<String, Object>) workflow.get("jobs");
        int awsSteps = 0;
        for (Object job : jobs.values()) {
            for (Map<String, Object> step : (List<Map<String, Object>>) ((Map<String, Object>) job).get("steps")) {
                Map<String, Object> with = (Map<String, Object>) step.get("with");
                if (!"./".equals(step.get("uses")) || with == null) {
                    continue;
                }
                if (List.of("plan", "cost").contains(with.get("command"))) {
                    awsSteps++;
                    assertThat(String.valueOf(with.get("role-to-assume"))).as(step.get("name") + "")
                            .matches("arn:aws:iam::\\d{12}:role/[A-Za-z0-9-]+-plan");
                }
            }
        }
        assertThat(awsSteps).isEqualTo(3);
    }

    /** The JSON trust policies in the setup runbook (every fenced json block with sts:AssumeRoleWithWebIdentity). */
    private static List<JsonNode> trustPolicies() throws IOException {
        String text = Files.readString(RUNBOOK);
        Matcher m = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(text);
        List<JsonNode> found = new ArrayList<>();
        while (m.find()) {
            if (m.group(1).contains("AssumeRoleWithWebIdentity")) {
                found.add(new ObjectMapper().readTree(m.group(1)));
            }
        }
        return found;
    }
}
