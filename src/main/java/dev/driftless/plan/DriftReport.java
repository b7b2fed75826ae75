package dev.driftless.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * How one environment's live services differ from the spec on the default branch: the plan's changes,
 * with the image left as it runs (the spec names no tag, so the image is never drift). Empty rows: no drift.
 */
public record DriftReport(String application, String environment, String cluster, List<Row> rows) {

    /**
     * @param outsideGit the live value differs from what driftless last deployed (someone changed it in AWS);
     *                   otherwise the spec changed since the last deploy, or the service is missing
     * @param hidden     the values are not shown (secrets, values that look like credentials)
     */
    public record Row(String service, String what, String field, String live, String spec, boolean outsideGit, boolean hidden) {
    }

    public DriftReport {
        rows = List.copyOf(rows);
    }

    public static DriftReport of(Plan plan) {
        List<Row> rows = new ArrayList<>();
        for (ServicePlan s : plan.services()) {
            if (s.action() == ServicePlan.Action.CREATE) {
                rows.add(new Row(s.service(), "service", "service", null, "exists in the spec", false, false));
                continue;
            }
            for (Change c : s.changes()) {
                rows.add(new Row(s.service(), c.group().label(), c.field(), c.from(), c.to(), c.drift(), c.redacted()));
            }
        }
        return new DriftReport(plan.application(), plan.environment(), plan.cluster(), rows);
    }

    public boolean drifted() {
        return !rows.isEmpty();
    }

    /** The marker that finds this application's and environment's issue again. */
    public String marker() {
        return marker(application, environment);
    }

    public static String marker(String application, String environment) {
        return "<!-- driftless:drift " + application + "/" + environment + " -->";
    }
}
