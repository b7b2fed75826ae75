package dev.driftless.tracker;

import dev.driftless.spec.Durations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** How each kind of run reads in the tracker: its state segment, its change-log line, its metrics. */
final class OutcomeWording {
    private OutcomeWording() {
    }

    /** The Infrastructure State segment for the run's environment, or null when the run says nothing of it. */
    static String state(RunOutcome outcome) {
        if (outcome instanceof RunOutcome.Deployed d) {
            return (d.success() ? "🟢 " : "🔴 ") + d.application() + " " + d.environment() + ": "
                    + shortSha(d.gitSha()) + (d.success() ? " deployed, " : " deploy failed, ")
                    + d.healthyServices() + "/" + d.totalServices() + " services healthy";
        }
        if (outcome instanceof RunOutcome.RolledBack r) {
            return (r.success() ? "🟡 " : "🔴 ") + r.application() + " " + r.environment()
                    + ": rolled back " + services(r.services()) + " to " + r.target() + (r.success() ? "" : " (rollback failed)");
        }
        if (outcome instanceof RunOutcome.Scaled s) {
            return s.action() == RunOutcome.Scaled.Action.STOPPED
                    ? "⏸️ " + s.application() + " " + s.environment() + ": stopped, " + s.services().size() + "/"
                        + s.totalServices() + " services at 0"
                    : "🟢 " + s.application() + " " + s.environment() + ": started, " + s.services().size() + "/"
                        + s.totalServices() + " services running";
        }
        return null; // cost reports and builds do not change what runs
    }

    static String changeLog(RunOutcome outcome) {
        String at = " [" + outcome.at().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "]";
        if (outcome instanceof RunOutcome.Deployed d) {
            return "driftless: " + (d.success() ? "deployed " : "deploy FAILED for ") + d.application() + " "
                    + d.environment() + " at " + shortSha(d.gitSha()) + " (" + services(d.services()) + "), "
                    + d.healthyServices() + "/" + d.totalServices() + " healthy in " + Durations.format(d.duration()) + at;
        }
        if (outcome instanceof RunOutcome.RolledBack r) {
            return "driftless: " + (r.success() ? "rolled back " : "rollback FAILED for ") + r.application() + " "
                    + r.environment() + " " + services(r.services()) + " to " + r.target() + " in "
                    + Durations.format(r.duration()) + at;
        }
        if (outcome instanceof RunOutcome.Scaled s) {
            return "driftless: " + (s.action() == RunOutcome.Scaled.Action.STOPPED ? "stopped " : "started ")
                    + s.application() + " " + s.environment() + " (" + String.join(", ", s.services()) + ")" + at;
        }
        if (outcome instanceof RunOutcome.CostReported c) {
            return "driftless: cost report for " + c.application() + ":"
                    + (c.monthToDate() == null ? "" : " month-to-date " + usd(c.monthToDate()) + ";")
                    + (c.forecast() == null ? "" : " forecast " + usd(c.forecast()) + ";")
                    + (c.monthlyScheduled() == null ? "" : " estimate " + usd(c.monthlyScheduled()) + "/month;")
                    + at;
        }
        RunOutcome.Built b = (RunOutcome.Built) outcome;
        return "driftless: built " + String.join(", ", b.services()) + " for " + b.application() + " in "
                + Durations.format(b.duration()) + at;
    }

    /** Metric name (as the tracker writes it) to its new value; the history already holds this run. */
    static Map<String, String> metrics(RunOutcome outcome, HistoryBlock history) {
        Map<String, String> m = new LinkedHashMap<>();
        if (outcome instanceof RunOutcome.Deployed d) {
            if (d.success()) {
                m.put("Deploy Time", Durations.format(d.duration()));
            }
            m.put("Success Rate", successRate(history));
        } else if (outcome instanceof RunOutcome.RolledBack r) {
            if (r.success()) {
                m.put("Rollback Time", Durations.format(r.duration()));
            }
            m.put("Success Rate", successRate(history));
        } else if (outcome instanceof RunOutcome.Built b) {
            m.put("Build Time", Durations.format(b.duration()));
        } else if (outcome instanceof RunOutcome.CostReported c) {
            if (c.monthly24x7() != null) {
                m.put("Monthly Cost (24/7)", usd(c.monthly24x7()) + " estimated");
            }
            if (c.monthlyScheduled() != null) {
                m.put("Monthly Cost (with scheduling)", usd(c.monthlyScheduled()) + " estimated");
            }
            if (c.monthToDate() != null) {
                m.put("Month-to-date Cost (actual)", usd(c.monthToDate()) + " per Cost Explorer on "
                        + c.at().toString().substring(0, 10)
                        + (c.forecast() == null ? "" : ", forecast " + usd(c.forecast())));
            }
        }
        return m;
    }

    /** Successful share of the deploys and rollbacks in the history block. */
    static String successRate(HistoryBlock history) {
        long total = history.entries().size();
        long ok = history.entries().stream().filter(HistoryEntry::success).count();
        if (total == 0) {
            return "TBD";
        }
        return String.format(Locale.ROOT, "%.0f%% of %d recorded runs", 100.0 * ok / total, total);
    }

    private static String services(List<RunOutcome.ServiceResult> results) {
        return results.stream().map(RunOutcome.ServiceResult::service).collect(Collectors.joining(", "));
    }

    static String shortSha(String sha) {
        return sha == null ? "unknown" : sha.length() > 7 ? sha.substring(0, 7) : sha;
    }

    static String usd(double v) {
        return String.format(Locale.ROOT, "$%.2f", v);
    }
}
