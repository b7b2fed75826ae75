package dev.driftless.engine;

import java.util.Optional;

/** Which pull request a commit came from ({@code GET /repos/{owner}/{repo}/commits/{sha}/pulls}). */
public interface CommitPullRequests {
    /** The pull request the commit belongs to (a merged one first), or empty for a direct push. */
    Optional<Integer> pullRequestOf(String sha);
}
