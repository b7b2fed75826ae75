package dev.driftless.runbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftless.runbooks.TokenScopes.Need;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Least privilege per job: every workflow sets a top-level {@code permissions:} (so a job without its
 * own gets no default token rights), every job's effective permissions are an explicit map, and each
 * job is granted exactly the scopes the steps it runs need, by the table in {@link TokenScopes}.
 * When this fails: grant the named scope (or remove it), or, when the code's calls changed, change the table.
 */
class WorkflowPermissionsTest {
    private static final Path WORKFLOWS = Path.of(".github/workflows");

    static Stream<String> workflows() throws IOException {
        try (Stream<Path> files = Files.list(WORKFLOWS)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml") || n.endsWith(".yaml"))
                    .sorted().toList().stream();
        }
    }

    @Test
    void everyShippedWorkflowIsChecked() throws IOException {
        assertThat(workflows()).contains("ci.yml", "deploy.yml", "plan.yml", "release.yml", "rollback.yml", "schedule.yml",
                "drift.yml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workflows")
    void everyJobHasExactlyTheScopesItsStepsNeed(String file) throws IOException {
        List<String> problems = problems(file, load(file));

        assertThat(problems).as("GITHUB_TOKEN permissions in %s:%n  %s", file, String.join("\n  ", problems)).isEmpty();
    }

    /** Every scope a shipped job holds: dropping any one of them must fail the check. */
    static Stream<String[]> grantedScopes() throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String file : workflows().toList()) {
            Map<String, Object> workflow = load(file);
            jobs(workflow).forEach((job, body) -> {
                if (effective(workflow, body) instanceof Map<?, ?> granted) {
                    granted.keySet().forEach(scope -> rows.add(new String[] {file, job, String.valueOf(scope)}));
                }
            });
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} {1} without {2}")
    @MethodSource("grantedScopes")
    void theCheckFailsWhenANeededScopeIsMissing(String file, String job, String scope) throws IOException {
        Map<String, Object> workflow = load(file);
        permissionsOf(workflow, job).remove(scope);

        assertThat(problems(file, workflow)).anySatisfy(p -> assertThat(p)
                .contains(file + " › " + job).contains("needs " + scope + ": ").contains(" — "));
    }

    static Stream<String[]> jobsAndExtras() throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String file : workflows().toList()) {
            Map<String, Object> workflow = load(file);
            for (String job : jobs(workflow).keySet()) {
                for (String extra : List.of("issues", "packages", "actions")) {
                    // a scope the job needs and holds (drift.yml's issues: write) is no extra
                    if (!(effective(workflow, jobs(workflow).get(job)) instanceof Map<?, ?> granted && granted.containsKey(extra))) {
                        rows.add(new String[] {file, job, extra});
                    }
                }
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} {1} with {2}: write")
    @MethodSource("jobsAndExtras")
    void theCheckFailsWhenAnExtraScopeIsGranted(String file, String job, String extra) throws IOException {
        Map<String, Object> workflow = load(file);
        permissionsOf(workflow, job).put(extra, "write");

        assertThat(problems(file, workflow))
                .anySatisfy(p -> assertThat(p).contains(file + " › " + job).contains("grants " + extra + ": write"));
    }

    @Test
    void aReadScopeWhereWriteIsNeededAndWriteWhereReadIsNeededBothFail() throws IOException {
        Map<String, Object> deploy = load("deploy.yml");
        permissionsOf(deploy, "deploy-dev").put("contents", "read");
        permissionsOf(deploy, "validate").put("contents", "write");

        assertThat(problems("deploy.yml", deploy)).anySatisfy(p -> assertThat(p)
                .contains("deploy-dev").contains("needs contents: write").contains("progress tracker").contains("grants read"))
                .anySatisfy(p -> assertThat(p).contains("validate").contains("grants contents: write").contains("only read"));
    }

    @Test
    void aWorkflowWithoutTopLevelPermissionsOrWithWriteAllFails() throws IOException {
        Map<String, Object> plan = load("plan.yml");
        plan.remove("permissions");
        Map<String, Object> ci = load("ci.yml");
        ci.put("permissions", "write-all");

        assertThat(problems("plan.yml", plan)).anySatisfy(p -> assertThat(p).contains("no top-level permissions"));
        assertThat(problems("ci.yml", ci)).anySatisfy(p -> assertThat(p).contains("ci.yml › lint").contains("write-all"));
    }

    @Test
    void theTableKnowsEveryCommandTheActionAccepts() throws IOException {
        Map<String, Object> action = yaml(Path.of("action.yml"));
        @SuppressWarnings("unchecked")
        var command = (Map<String, Object>) ((Map<String, Object>) action.get("inputs")).get("command");
        Matcher list = Pattern.compile("run: (.+)\\.").matcher(String.valueOf(command.get("description")));
        assertThat(list.find()).as("action.yml's command input lists the commands").isTrue();

        assertThat(TokenScopes.COMMANDS).containsExactlyInAnyOrder(list.group(1).split(",\\s*"));
        assertThatThrownBy(() -> TokenScopes.step(Set.of("push"), Map.of("uses", "./", "with", Map.of("command", "demo"))))
                .hasMessageContaining("no row for driftless command 'demo'");
    }

    @Test
    void deployCommentsOnlyOnPushAndDryRunsOrNoTrackerNeedNoWrites() {
        Map<String, Object> deploy = Map.of("uses", "./", "with", Map.of("command", "deploy"));
        Map<String, Object> dryRun = Map.of("uses", "./", "with", Map.of("command", "deploy", "dry-run", "true"));
        Map<String, Object> cost = Map.of("uses", "./", "with", Map.of("command", "cost", "no-tracker", "true"));

        assertThat(levels(TokenScopes.required(Set.of("push"), List.of(deploy)))).isEqualTo(Map.of(
                "id-token", "write", "contents", "write", "deployments", "write", "pull-requests", "write"));
        assertThat(levels(TokenScopes.required(Set.of("workflow_dispatch"), List.of(deploy)))).isEqualTo(Map.of(
                "id-token", "write", "contents", "write", "deployments", "write"));
        assertThat(levels(TokenScopes.required(Set.of("push"), List.of(dryRun)))).isEqualTo(Map.of("id-token", "write"));
        assertThat(levels(TokenScopes.required(Set.of("pull_request"), List.of(cost)))).isEqualTo(Map.of(
                "id-token", "write", "pull-requests", "write"));
    }

    // ---- the check

    static List<String> problems(String file, Map<String, Object> workflow) {
        List<String> problems = new ArrayList<>();
        if (!workflow.containsKey("permissions")) {
            problems.add(file + ": no top-level permissions: — a job without its own gets the repository's default "
                    + "token rights; add `permissions: {}` (or the one scope every job shares)");
        }
        Set<String> events = TokenScopes.events(workflow);
        jobs(workflow).forEach((job, body) -> {
            String where = file + " › " + job;
            Object granted = effective(workflow, body);
            if (!(granted instanceof Map<?, ?> map)) {
                problems.add(where + ": permissions are " + (granted == null ? "not set" : "'" + granted + "'")
                        + ", not an explicit map of scopes");
                return;
            }
            Map<String, String> grants = new TreeMap<>();
            map.forEach((k, v) -> {
                if (!"none".equals(String.valueOf(v))) {
                    grants.put(String.valueOf(k), String.valueOf(v));
                }
            });
            compare(where, TokenScopes.required(events, steps(body)), grants, problems);
        });
        return problems;
    }

    private static void compare(String where, Map<String, Need> required, Map<String, String> grants, List<String> problems) {
        required.forEach((scope, need) -> {
            String has = grants.get(scope);
            if (has == null || (need.level().equals("write") && !has.equals("write"))) {
                problems.add(where + ": needs " + scope + ": " + need.level() + " — " + need.why()
                        + "; grants " + (has == null ? "none" : has));
            } else if (need.level().equals("read") && has.equals("write")) {
                problems.add(where + ": grants " + scope + ": write but needs only read — " + need.why());
            }
        });
        grants.forEach((scope, level) -> {
            if (!required.containsKey(scope)) {
                problems.add(where + ": grants " + scope + ": " + level + " that nothing the job runs needs — remove it "
                        + "(or add the step's reason to TokenScopes)");
            }
        });
    }

    private static Object effective(Map<String, Object> workflow, Map<String, Object> job) {
        return job.containsKey("permissions") ? job.get("permissions") : workflow.get("permissions");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> jobs(Map<String, Object> workflow) {
        return (Map<String, Map<String, Object>>) workflow.getOrDefault("jobs", Map.of());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(Map<String, Object> job) {
        return (List<Map<String, Object>>) job.getOrDefault("steps", List.of());
    }

    /** The job's own permissions map, created (as a copy of the workflow's) when it has none, for mutation. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> permissionsOf(Map<String, Object> workflow, String job) {
        Map<String, Object> body = jobs(workflow).get(job);
        if (!(body.get("permissions") instanceof Map)) {
            Object inherited = workflow.get("permissions");
            body.put("permissions", inherited instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m)
                    : new LinkedHashMap<>());
        }
        return (Map<String, Object>) body.get("permissions");
    }

    private static Map<String, String> levels(Map<String, Need> needs) {
        Map<String, String> levels = new TreeMap<>();
        needs.forEach((scope, need) -> levels.put(scope, need.level()));
        return levels;
    }

    private static Map<String, Object> load(String file) throws IOException {
        return yaml(WORKFLOWS.resolve(file));
    }

    private static Map<String, Object> yaml(Path path) throws IOException {
        try (Reader r = Files.newBufferedReader(path)) {
            return new Yaml().load(r);
        }
    }
}
