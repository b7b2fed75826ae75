package dev.driftless.spec;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The application-wide settings: tags AWS accepts, budget, cost items, logs, tracker, deploy and test. */
final class SettingsRules implements SpecRule {
    /** The retention values CloudWatch Logs accepts. */
    static final Set<Integer> RETENTION_DAYS = Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731,
            1096, 1827, 2192, 2557, 2922, 3288, 3653);
    private static final Pattern LOG_GROUP = Pattern.compile("[.\\-_/#A-Za-z0-9]{1,512}");
    /** ECS allows 50 tags on a resource; driftless adds its own two. */
    private static final int MAX_TAGS = 48;

    @Override
    public void check(DeploySpec spec, Problems problems) {
        tags(spec, problems);
        Budget budget = spec.budget();
        if (budget.monthlyUsd() != null && budget.monthlyUsd() <= 0) {
            problems.error("budget.monthlyUsd", "monthlyUsd must be above 0");
        }
        for (int i = 0; i < budget.alerts().size(); i++) {
            if (budget.alerts().get(i) <= 0) {
                problems.error("budget.alerts[" + i + "]", "alert threshold " + budget.alerts().get(i) + " must be above 0 (USD)");
            }
        }
        budget.environments().forEach((env, share) -> {
            if (!spec.environments().containsKey(env)) {
                problems.error("budget.environments." + env, "no environment '" + env + "' to give a budget share; environments: "
                        + String.join(", ", spec.environments().keySet()));
            } else if (share <= 0) {
                problems.error("budget.environments." + env, "the budget share of " + env + " must be above 0 (USD)");
            }
        });
        double shares = budget.environments().values().stream().mapToDouble(Double::doubleValue).sum();
        if (budget.monthlyUsd() != null && shares > budget.monthlyUsd() + 0.004) {
            problems.warning("budget.environments", String.format(java.util.Locale.ROOT,
                    "the environments' shares add up to $%.2f, more than monthlyUsd $%.2f", shares, budget.monthlyUsd()));
        }
        cost(spec, problems);
        if (spec.logs() != null) {
            if (spec.logs().group() != null && !LOG_GROUP.matcher(spec.logs().group()).matches()) {
                problems.error("logs.group", "'" + spec.logs().group() + "' is not a CloudWatch log group name "
                        + "(letters, digits and . - _ / #, up to 512)");
            }
            if (!RETENTION_DAYS.contains(spec.logs().retentionDays())) {
                problems.error("logs.retentionDays", "retentionDays " + spec.logs().retentionDays()
                        + " is not one CloudWatch accepts; use 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, ...");
            }
        }
        if (spec.tracker() != null && spec.tracker().path() != null
                && !spec.tracker().path().endsWith(".md")) {
            problems.error("tracker.path", "tracker path '" + spec.tracker().path()
                    + "' must be a markdown file relative to the repository root");
        }
        if (problems.locations().has("deploy.retain") && spec.deploy().retain() < 1) {
            problems.error("deploy.retain", "retain must be at least 1");
        }
        if (problems.locations().has("test.commands") && spec.test().commands().isEmpty()) {
            problems.warning("test.commands", "no test commands: 'driftless test' will pass without running anything");
        }
    }

    private static void tags(DeploySpec spec, Problems problems) {
        if (spec.tags().size() > MAX_TAGS) {
            problems.error("tags", spec.tags().size() + " tags; AWS allows 50 per resource and driftless adds 2, so at most "
                    + MAX_TAGS);
        }
        spec.tags().forEach((k, v) -> {
            if (k.isEmpty() || k.length() > 128 || k.toLowerCase(java.util.Locale.ROOT).startsWith("aws:")) {
                problems.error("tags." + k, "tag key '" + k + "' must be 1 to 128 characters and not start with aws:");
            }
            if (v.length() > 256) {
                problems.error("tags." + k, "tag value of " + k + " is longer than 256 characters");
            }
        });
        if (!spec.tags().isEmpty() && !spec.tags().containsKey(spec.cost().tag())) {
            problems.warning(problems.locations().has("cost.tag") ? "cost.tag" : "tags", "cost tag '" + spec.cost().tag()
                    + "' is not among the spec's tags, so Cost Explorer cannot attribute this application's spend"
                    + DidYouMean.hint(spec.cost().tag(), spec.tags().keySet()));
        }
    }

    private static void cost(DeploySpec spec, Problems problems) {
        List<CostSettings.FixedCost> fixed = spec.cost().fixed();
        boolean aligned = !problems.locations().has("cost.fixed[" + fixed.size() + "]");
        for (int i = 0; i < fixed.size() && aligned; i++) {
            CostSettings.FixedCost f = fixed.get(i);
            String path = "cost.fixed[" + i + "]";
            if (f.monthlyUsd() < 0) {
                problems.error(path + ".monthlyUsd", "monthlyUsd " + f.monthlyUsd() + " is negative");
            }
            if (f.environment() != null && !spec.environments().containsKey(f.environment())
                    && problems.locations().has("environments")) {
                problems.error(path + ".environment", "unknown environment '" + f.environment() + "'"
                        + DidYouMean.hint(f.environment(), spec.environments().keySet()));
            }
        }
        spec.cost().prices().forEach((k, v) -> {
            if (v <= 0) {
                problems.error("cost.prices." + k, "price " + v + " must be above 0 (USD per hour)");
            }
        });
    }
}
