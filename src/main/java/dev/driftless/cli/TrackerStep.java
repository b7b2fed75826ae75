package dev.driftless.cli;

import dev.driftless.actions.ActionsRuntime;
import dev.driftless.actions.GitHubContext;
import dev.driftless.engine.RepositoryFiles;
import dev.driftless.engine.TrackerPublisher;
import dev.driftless.engine.TrackerPublisher.Publication;
import dev.driftless.engine.WorkingTreeFiles;
import dev.driftless.github.GitHubClients;
import dev.driftless.github.GitHubContentsFiles;
import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.TrackerSpec;
import dev.driftless.tracker.ChecklistEvidence;
import dev.driftless.tracker.RunOutcome;
import dev.driftless.tracker.TrackerUpdater;
import java.nio.file.Path;
import java.util.List;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;

/**
 * The last step of deploy, rollback, stop/start/schedule, cost and build: record the run in the spec's
 * progress tracker. In Actions with a token the tracker is committed through the contents API; locally
 * the working-tree file is updated. A tracker problem is a warning and a summary note, never a failed run.
 */
final class TrackerStep {
    private final CommandContext ctx;

    TrackerStep(CommandContext ctx) {
        this.ctx = ctx;
    }

    /** Records the run; any failure (GitHub down, refusing, the connection dropped) is a warning with its fix. */
    void record(DeploySpec spec, RunOutcome outcome, TrackerOptions options, boolean dryRun) {
        try {
            recordOrThrow(spec, outcome, options, dryRun);
        } catch (RuntimeException e) {
            GitHubTrouble.warn(ctx, "tracker", e);
        }
    }

    private void recordOrThrow(DeploySpec spec, RunOutcome outcome, TrackerOptions options, boolean dryRun) {
        TrackerSpec tracker = spec.tracker();
        ActionsRuntime actions = ctx.actions();
        if (tracker == null || tracker.path() == null) {
            return;
        }
        if (options.skip(ctx)) {
            ctx.err().println("tracker: skipped (--no-tracker)");
            return;
        }
        if (dryRun) {
            ctx.err().println("tracker: would record this run in " + tracker.path() + " (dry run)");
            return;
        }
        TrackerUpdater updater = new TrackerUpdater(ChecklistEvidence.withOverrides(tracker.checklist()), tracker.history());
        GitHubContext github = actions.context();
        Publication result;
        String where;
        if (actions.inActions() && github.token() != null && github.repository() != null) {
            GitHub client = GitHubClients.connect(github.apiUrl(), github.token());
            GHRepository repo = GitHubClients.repository(client, github);
            String branch = tracker.branch() != null ? tracker.branch() : repo.getDefaultBranch();
            RepositoryFiles files = new GitHubContentsFiles(repo);
            where = files.describe(branch);
            result = new TrackerPublisher(files, updater).publish(tracker.path(), branch, outcome);
        } else {
            Path root = Path.of(ctx.env().getOrDefault("GITHUB_WORKSPACE", "."));
            RepositoryFiles files = new WorkingTreeFiles(root);
            where = files.describe(null);
            result = new TrackerPublisher(files, updater).publish(tracker.path(), null, outcome);
        }
        report(tracker.path(), where, result);
    }

    private void report(String path, String where, Publication result) {
        var commands = ctx.actions().commands();
        if (result instanceof Publication.Committed c) {
            ctx.err().println("tracker: updated " + path + " in " + where
                    + (c.commit() == null ? "" : " (commit " + c.commit() + ")")
                    + (c.attempts() > 1 ? " after " + (c.attempts() - 1) + " conflicting commit(s)" : ""));
            warn(c.warnings());
            ctx.actions().summary().append("Progress tracker: updated `" + path + "`"
                    + (c.commit() == null ? "" : " in commit " + c.commit()) + ".\n");
        } else if (result instanceof Publication.Unchanged u) {
            ctx.err().println("tracker: " + path + " already records this run");
            warn(u.warnings());
        } else if (result instanceof Publication.Missing m) {
            commands.warning("tracker: " + m.reason(), null);
            ctx.actions().summary().append("> ⚠️ Progress tracker not updated: " + m.reason() + "\n");
        } else if (result instanceof Publication.Refused r) {
            commands.warning("tracker: " + r.reason() + " — " + r.fix(), null);
            ctx.actions().summary().append("> ⚠️ Progress tracker not updated: " + r.reason() + ". Fix: " + r.fix() + "\n");
        } else if (result instanceof Publication.GaveUp g) {
            String why = "the tracker changed under us " + g.attempts() + " times in a row (" + String.join("; ", g.reasons()) + ")";
            commands.warning("tracker: gave up: " + why + "; the next run will record its own result", null);
            ctx.actions().summary().append("> ⚠️ Progress tracker not updated: " + why + ".\n");
        }
    }

    private void warn(List<String> warnings) {
        warnings.forEach(w -> ctx.actions().commands().warning("tracker: " + w, null));
    }
}
