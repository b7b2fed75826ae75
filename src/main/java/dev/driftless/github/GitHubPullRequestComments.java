package dev.driftless.github;

import dev.driftless.DriftlessException;
import dev.driftless.engine.PullRequestComments;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GHRepository;

/** {@link PullRequestComments} over the issues API (a pull request's conversation comments are issue comments). */
public final class GitHubPullRequestComments implements PullRequestComments {
    private final GHRepository repository;
    private final int number;
    private final Map<Long, GHIssueComment> seen = new HashMap<>();
    private GHIssue issue;

    public GitHubPullRequestComments(GHRepository repository, int number) {
        this.repository = repository;
        this.number = number;
    }

    @Override
    public Optional<Comment> find(String marker) {
        return findAll(marker).stream().findFirst();
    }

    @Override
    public List<Comment> findAll(String marker) {
        try {
            List<Comment> found = new ArrayList<>();
            for (GHIssueComment c : issue().queryComments().list().withPageSize(100)) {
                if (c.getBody() != null && c.getBody().contains(marker)) {
                    seen.put(c.getId(), c);
                    found.add(comment(c));
                }
            }
            return List.copyOf(found);
        } catch (IOException e) {
            throw translate("read the comments of pull request #" + number, e);
        }
    }

    @Override
    public Comment read(long id) {
        // github-api has no single-comment read; one page of the list is the same one request
        try {
            for (GHIssueComment c : issue().queryComments().list().withPageSize(100)) {
                if (c.getId() == id) {
                    seen.put(id, c);
                    return comment(c);
                }
            }
            throw new DriftlessException("driftless's comment on pull request #" + number + " was deleted while it was written",
                    "rerun the job; it creates a new comment");
        } catch (IOException e) {
            throw translate("read the comments of pull request #" + number, e);
        }
    }

    @Override
    public Comment create(String body) {
        try {
            GHIssueComment c = issue().comment(body);
            seen.put(c.getId(), c);
            return new Comment(c.getId(), body, url(c), author(c));
        } catch (IOException e) {
            throw translate("comment on pull request #" + number, e);
        }
    }

    @Override
    public Comment edit(long id, String body) {
        GHIssueComment c = seen.get(id);
        if (c == null) {
            throw new IllegalStateException("comment " + id + " was not read through this object");
        }
        try {
            c.update(body);
            return new Comment(id, body, url(c), author(c));
        } catch (IOException e) {
            throw translate("edit driftless's comment on pull request #" + number, e);
        }
    }

    private GHIssue issue() throws IOException {
        if (issue == null) {
            issue = repository.getIssue(number);
        }
        return issue;
    }

    private static Comment comment(GHIssueComment c) {
        return new Comment(c.getId(), c.getBody(), url(c), author(c));
    }

    private static String author(GHIssueComment c) {
        try {
            return c.getUserName();
        } catch (NullPointerException e) {
            // GitHub always names the writer; github-api throws on an answer without one (a stub), which owns nothing
            return null;
        }
    }

    private static String url(GHIssueComment c) {
        return c.getHtmlUrl() == null ? null : c.getHtmlUrl().toString();
    }

    private static DriftlessException translate(String what, IOException e) {
        return GitHubRefusals.translate(what, e, "give the workflow `permissions: pull-requests: write` (pull requests"
                + " from forks get a read-only token; the plan is still in the job summary)");
    }
}
