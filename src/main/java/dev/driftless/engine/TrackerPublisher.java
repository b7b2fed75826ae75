package dev.driftless.engine;

import dev.driftless.tracker.RunOutcome;
import dev.driftless.tracker.TrackerEdit;
import dev.driftless.tracker.TrackerUpdater;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Records a run in the progress tracker: read, apply, write, and on a stale version read again and
 * re-apply (another job committed in between), a bounded number of times. Never fails the run: every
 * outcome is a {@link Publication} the command reports.
 */
public final class TrackerPublisher {
    static final int MAX_ATTEMPTS = 4;

    private final RepositoryFiles files;
    private final TrackerUpdater updater;

    public TrackerPublisher(RepositoryFiles files, TrackerUpdater updater) {
        this.files = files;
        this.updater = updater;
    }

    public Publication publish(String path, String branch, RunOutcome outcome) {
        String message = TrackerUpdater.commitMessage(outcome);
        List<String> stale = new ArrayList<>();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<RepositoryFiles.StoredFile> current = files.read(path, branch);
            if (current.isEmpty()) {
                return new Publication.Missing(path + " does not exist in " + files.describe(branch)
                        + "; create it (or fix tracker.path in the spec) and driftless will keep it up to date");
            }
            TrackerEdit edit = updater.apply(current.get().text(), outcome);
            if (!edit.changed()) {
                return new Publication.Unchanged(edit.warnings());
            }
            RepositoryFiles.WriteResult result = files.write(path, branch, edit.text(), message, current.get().version());
            if (result instanceof RepositoryFiles.Written w) {
                return new Publication.Committed(w.commit(), attempt, edit.warnings());
            }
            if (result instanceof RepositoryFiles.Refused r) {
                return new Publication.Refused(r.reason(), r.fix(), edit.warnings());
            }
            stale.add(((RepositoryFiles.Stale) result).reason());
        }
        return new Publication.GaveUp(MAX_ATTEMPTS, stale);
    }

    /** What happened to the tracker. */
    public sealed interface Publication {
        record Committed(String commit, int attempts, List<String> warnings) implements Publication {
        }

        record Unchanged(List<String> warnings) implements Publication {
        }

        record Missing(String reason) implements Publication {
        }

        record Refused(String reason, String fix, List<String> warnings) implements Publication {
        }

        record GaveUp(int attempts, List<String> reasons) implements Publication {
        }
    }
}
