package dev.driftless.engine;

import dev.driftless.plan.DriftReport;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps one GitHub issue per application and environment in step with drift: opens it when drift
 * appears, edits it while drift stays (first seen kept, last seen moved on), closes it with a comment
 * when live matches the spec again. Without drift and without an open issue it writes nothing. Only
 * issues written by the token's own identity count.
 */
public final class DriftIssueKeeper {
    public static final String LABEL_DRIFTLESS = "driftless";
    public static final String LABEL_DRIFT = "drift";

    private final DriftIssues issues;
    private final TokenIdentity identity;
    private final DriftIssueText text;

    public DriftIssueKeeper(DriftIssues issues, TokenIdentity identity, DriftIssueText text) {
        this.issues = issues;
        this.identity = identity;
        this.text = text;
    }

    /** What a run did, or with {@code dryRun} would do, to the drift issue. */
    public sealed interface Outcome {
        String describe();
    }

    public record Opened(Optional<DriftIssues.Issue> issue, String title) implements Outcome {
        @Override
        public String describe() {
            return issue.map(i -> "opened drift issue #" + i.number() + (i.url() == null ? "" : " " + i.url()))
                    .orElse("would open a drift issue \"" + title + "\" labelled driftless, drift");
        }
    }

    public record Updated(DriftIssues.Issue issue, boolean done) implements Outcome {
        @Override
        public String describe() {
            return (done ? "updated" : "would update") + " drift issue #" + issue.number() + (issue.url() == null ? "" : " " + issue.url());
        }
    }

    public record Closed(DriftIssues.Issue issue, boolean done) implements Outcome {
        @Override
        public String describe() {
            return (done ? "closed" : "would close") + " drift issue #" + issue.number() + " (live matches the spec)"
                    + (issue.url() == null ? "" : " " + issue.url());
        }
    }

    public record Nothing() implements Outcome {
        @Override
        public String describe() {
            return "no drift and no open drift issue: nothing to write";
        }
    }

    /**
     * @param runUrl the run that looked, or null
     * @param footer the footer line (commit, time, run), or empty
     */
    public Outcome keep(DriftReport report, Instant now, String runUrl, String footer, boolean dryRun) {
        Optional<DriftIssues.Issue> open = own(issues.findOpen(LABEL_DRIFT, report.marker()));
        if (!report.drifted()) {
            if (open.isEmpty()) {
                return new Nothing();
            }
            if (!dryRun) {
                issues.close(open.get().number(), "Drift is gone: the live services of cluster `" + report.cluster()
                        + "` match the spec" + (runUrl == null ? "" : " ([the run that looked](" + runUrl + "))")
                        + ". Closing." + (footer == null || footer.isBlank() ? "" : "\n\n" + footer));
            }
            return new Closed(open.get(), !dryRun);
        }
        if (open.isPresent()) {
            Instant first = text.firstSeen(open.get().body()).orElse(now);
            if (!dryRun) {
                issues.edit(open.get().number(), text.body(report, first, now, runUrl, footer));
            }
            return new Updated(open.get(), !dryRun);
        }
        String title = text.title(report);
        if (dryRun) {
            return new Opened(Optional.empty(), title);
        }
        issues.ensureLabel(LABEL_DRIFTLESS, "1d76db", "Written by driftless");
        issues.ensureLabel(LABEL_DRIFT, "d93f0b", "Live AWS state differs from the deploy-spec");
        DriftIssues.Issue created = issues.create(title, text.body(report, now, now, runUrl, footer),
                List.of(LABEL_DRIFTLESS, LABEL_DRIFT));
        return new Opened(Optional.of(created), title);
    }

    private Optional<DriftIssues.Issue> own(List<DriftIssues.Issue> candidates) {
        if (candidates.isEmpty()) {
            return Optional.empty(); // no need to ask who the token is
        }
        String login = identity.login();
        return candidates.stream().filter(i -> i.author() != null && i.author().equalsIgnoreCase(login)).findFirst();
    }
}
