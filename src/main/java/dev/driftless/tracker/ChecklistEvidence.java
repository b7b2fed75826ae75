package dev.driftless.tracker;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which checklist item a run's evidence ticks. An expression is evidence tokens joined by '+', all
 * required: {@code "stopped+started"} is ticked once a stop and a start have both been seen (in any runs).
 * Items are matched on their text with markdown emphasis and case ignored.
 */
public final class ChecklistEvidence {
    /** The wording of the tracker teams start from (shared/fixtures/tracker/PROGRESS_TRACKER.md). */
    public static final Map<String, String> DEFAULTS = defaults();

    private final Map<String, String> byItem;

    private ChecklistEvidence(Map<String, String> byItem) {
        this.byItem = Map.copyOf(byItem);
    }

    /** The defaults with the spec's mapping on top (an empty expression removes a default). */
    public static ChecklistEvidence withOverrides(Map<String, String> fromSpec) {
        Map<String, String> all = new LinkedHashMap<>();
        DEFAULTS.forEach((k, v) -> all.put(key(k), v));
        fromSpec.forEach((k, v) -> {
            if (v == null || v.isBlank()) {
                all.remove(key(k));
            } else {
                all.put(key(k), v.trim());
            }
        });
        return new ChecklistEvidence(all);
    }

    /** True when the item's expression is fully satisfied by what has been seen. */
    public boolean proves(String itemText, Set<String> seen) {
        String expression = byItem.get(key(itemText));
        if (expression == null) {
            return false;
        }
        return Arrays.stream(expression.split("\\+")).map(String::trim).allMatch(seen::contains);
    }

    static String key(String itemText) {
        return itemText.replace("**", "").replace("__", "").trim().toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> defaults() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("ECS cluster created", "deployed");
        m.put("Backend task definition created", "deployed:backend");
        m.put("Frontend task definition created", "deployed:frontend");
        m.put("Backend ECS service deployed", "deployed:backend");
        m.put("Frontend ECS service deployed", "deployed:frontend");
        m.put("Health checks passing", "deployed");
        m.put("Successful test deployment", "deployed");
        m.put("Backend ECR repository created", "built:backend");
        m.put("Frontend ECR repository created", "built:frontend");
        m.put("Test image push successful", "built");
        m.put("Test schedule activation and deactivation", "stopped+started");
        m.put("Set min capacity to 0 during off-hours", "stopped");
        m.put("Enable Fargate Spot for dev environment (70% cost savings)", "deployed-on-spot");
        m.put("Configure capacity providers with Spot", "deployed-on-spot");
        m.put("Rollback testing completed", "rolled-back");
        m.put("Enable Cost Explorer", "cost-report");
        return java.util.Collections.unmodifiableMap(m);
    }
}
