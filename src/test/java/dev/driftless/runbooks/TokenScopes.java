package dev.driftless.runbooks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which GITHUB_TOKEN scopes a workflow step needs, and why: the table WorkflowPermissionsTest holds
 * every job's {@code permissions:} to. The reasons point at the code that makes the call, so when a
 * command starts (or stops) calling GitHub, the row here changes with it.
 */
final class TokenScopes {
    static final String READ = "read";
    static final String WRITE = "write";

    /** One scope at one level, and the reason a step needs it. */
    record Need(String scope, String level, String why) {
    }

    /** Every command action.yml's `command` input accepts; a step running another one is a table gap. */
    static final Set<String> COMMANDS = Set.of("validate", "plan", "deploy", "rollback", "schedule", "stop", "start",
            "cost", "build", "test", "run", "matrix", "auth", "drift");
    /** Commands that read or change AWS: AwsClients assumes the spec's role with the job's OIDC token. */
    private static final Set<String> AWS = Set.of("plan", "deploy", "rollback", "schedule", "stop", "start", "cost",
            "build", "run", "auth", "drift");
    /** Commands that end with TrackerStep.record: a commit through the contents API (PUT /contents). */
    private static final Set<String> TRACKED = Set.of("deploy", "rollback", "schedule", "stop", "start", "cost", "build");
    /** Commands whose report goes to a sticky pull-request comment, on pull_request events only. */
    private static final Set<String> PR_SECTIONS = Set.of("plan", "cost");
    private static final Set<String> PR_EVENTS = Set.of("pull_request", "pull_request_target");

    private TokenScopes() {
    }

    /** The scopes a job whose workflow runs on {@code events} needs for {@code steps}, strongest level per scope. */
    static Map<String, Need> required(Set<String> events, List<Map<String, Object>> steps) {
        Map<String, List<Need>> byScope = new TreeMap<>();
        for (Map<String, Object> step : steps) {
            for (Need n : step(events, step)) {
                byScope.computeIfAbsent(n.scope(), s -> new ArrayList<>()).add(n);
            }
        }
        Map<String, Need> required = new TreeMap<>();
        byScope.forEach((scope, needs) -> {
            String level = needs.stream().anyMatch(n -> n.level().equals(WRITE)) ? WRITE : READ;
            Set<String> whys = new LinkedHashSet<>();
            needs.stream().filter(n -> n.level().equals(level)).forEach(n -> whys.add(n.why()));
            required.put(scope, new Need(scope, level, String.join("; ", whys)));
        });
        return required;
    }

    static List<Need> step(Set<String> events, Map<String, Object> step) {
        String uses = String.valueOf(step.getOrDefault("uses", ""));
        if (uses.startsWith("actions/checkout@")) {
            return List.of(new Need("contents", READ, "actions/checkout clones the repository"));
        }
        if (uses.equals("./") || uses.matches("[^/]+/driftless@.+")) {
            return driftless(events, with(step));
        }
        String run = String.valueOf(step.getOrDefault("run", ""));
        if (run.contains("gh release create")) {
            return List.of(new Need("contents", WRITE, "`gh release create` creates the release and uploads driftless.jar"));
        }
        // setup-java/node/python and actions/cache work without token scopes
        return List.of();
    }

    private static List<Need> driftless(Set<String> events, Map<String, String> with) {
        String command = with.getOrDefault("command", "");
        if (!COMMANDS.contains(command)) {
            throw new IllegalArgumentException("no row for driftless command '" + command + "' in TokenScopes");
        }
        boolean dryRun = yes(with.get("dry-run"));
        boolean tracks = TRACKED.contains(command) && !dryRun && !yes(with.get("no-tracker"))
                // BuildCommand records the run only for images it pushed
                && !(command.equals("build") && yes(with.get("no-push")));
        String does = "`" + command + "` ";
        List<Need> needs = new ArrayList<>();
        if (AWS.contains(command)) {
            needs.add(new Need("id-token", WRITE, does + "assumes the spec's AWS role through GitHub OIDC (AwsClients)"));
        }
        if (command.equals("test")) {
            // the table cannot see the spec; a job that runs test without test.inImage holds it unused
            needs.add(new Need("id-token", WRITE, does + "with test.inImage set logs docker in to ECR (the images' "
                    + "registries) with the environment's AWS role through GitHub OIDC (TestCommand → PullLogin, AwsClients)"));
        }
        if (tracks) {
            needs.add(new Need("contents", WRITE, does + "commits its run to the progress tracker "
                    + "(TrackerStep → GitHubContentsFiles PUT /contents; no-tracker: \"true\" turns it off)"));
        }
        if ((command.equals("deploy") || command.equals("rollback")) && !dryRun) {
            needs.add(new Need("deployments", WRITE,
                    does + "creates a GitHub deployment and its statuses (DeployNotifications → GitHubDeploymentStatuses)"));
            if (events.contains("push")) {
                needs.add(new Need("pull-requests", WRITE, does + "on push finds the commit's pull request and comments "
                        + "the result on it (DeployNotifications → GitHubCommitPullRequests, GitHubPullRequestComments)"));
            }
        }
        if (command.equals("drift")) {
            // a dry run still lists the open drift issues to say what it would do
            needs.add(new Need("issues", dryRun ? READ : WRITE, does + "keeps one issue per application and environment: "
                    + "lists, opens, edits and closes it and creates its labels (DriftIssueKeeper → GitHubDriftIssues)"));
        }
        if (PR_SECTIONS.contains(command) && events.stream().anyMatch(PR_EVENTS::contains)) {
            needs.add(new Need("pull-requests", WRITE, does
                    + "on pull_request writes its section of the sticky comment (StickyComment → GitHubPullRequestComments)"));
        }
        return needs;
    }

    private static Map<String, String> with(Map<String, Object> step) {
        Map<String, String> with = new TreeMap<>();
        if (step.get("with") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> with.put(String.valueOf(k), String.valueOf(v)));
        }
        return with;
    }

    private static boolean yes(String input) {
        return "true".equals(input);
    }

    /** The trigger names of a workflow's `on:` (SnakeYAML reads the bare key `on` as boolean true). */
    static Set<String> events(Map<String, Object> workflow) {
        Object on = workflow.containsKey("on") ? workflow.get("on") : workflow.get(Boolean.TRUE);
        Set<String> events = new LinkedHashSet<>();
        if (on instanceof String s) {
            events.add(s);
        } else if (on instanceof Collection<?> c) {
            c.forEach(e -> events.add(String.valueOf(e)));
        } else if (on instanceof Map<?, ?> m) {
            m.keySet().forEach(e -> events.add(String.valueOf(e)));
        }
        return events;
    }
}
