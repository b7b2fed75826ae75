package dev.driftless.spec;

import java.util.Map;

/**
 * The progress tracker driftless updates after each run.
 *
 * @param checklist checklist text (as written in the tracker) to the evidence that ticks it, e.g.
 *                  {@code "Backend ECS service deployed": "deployed:backend"}
 * @param history how many deploys and rollbacks the history block keeps
 */
public record TrackerSpec(String path, String branch, Map<String, String> checklist, int history) {
    public TrackerSpec {
        checklist = Maps.copy(checklist);
        history = history <= 0 ? 20 : history;
    }
}
