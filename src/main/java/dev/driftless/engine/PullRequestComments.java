package dev.driftless.engine;

import java.util.List;
import java.util.Optional;

/** The comments of one pull request. Implemented in github/ over the REST API. */
public interface PullRequestComments {

    /** The first comment whose body contains {@code marker}, if any, whoever wrote it. */
    Optional<Comment> find(String marker);

    /** Every comment whose body contains {@code marker}, oldest first, with its author. */
    List<Comment> findAll(String marker);

    /** One comment as it is now (another job may have edited it since it was listed). */
    Comment read(long id);

    /** Creates a comment; returns it. */
    Comment create(String body);

    /** Replaces a comment's body; returns it. */
    Comment edit(long id, String body);

    /** @param author the login of the comment's writer, e.g. {@code github-actions[bot]}; null when unknown */
    record Comment(long id, String body, String url, String author) {
        public Comment(long id, String body, String url) {
            this(id, body, url, null);
        }
    }
}
