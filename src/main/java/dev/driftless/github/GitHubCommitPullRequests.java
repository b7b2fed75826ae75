package dev.driftless.github;

import dev.driftless.engine.CommitPullRequests;
import java.io.IOException;
import java.util.Comparator;
import java.util.Optional;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRepository;

/** {@link CommitPullRequests} over {@code GET /repos/{owner}/{repo}/commits/{sha}/pulls}. */
public final class GitHubCommitPullRequests implements CommitPullRequests {
    private final GHRepository repository;

    public GitHubCommitPullRequests(GHRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<Integer> pullRequestOf(String sha) {
        try {
            return repository.getCommit(sha).listPullRequests().withPageSize(10).toList().stream()
                    .sorted(Comparator.comparing((GHPullRequest p) -> p.getMergedAt() == null))
                    .map(GHPullRequest::getNumber)
                    .findFirst();
        } catch (IOException e) {
            // the listing reads the commit and its pull requests, so it needs no write permission at all
            throw GitHubRefusals.translate("find the pull request of commit " + sha, e,
                    "give the workflow `permissions: pull-requests: read` and `contents: read` (listing a commit's pull "
                            + "requests needs both)");
        }
    }
}
