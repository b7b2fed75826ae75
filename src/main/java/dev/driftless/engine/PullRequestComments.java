package dev.driftless.engine;

import java.util.Optional;

/** The comments of one pull request. Implemented in github/ over the REST API. */
public interface PullRequestComments {

    /** The first comment whose body contains {@code marker}, if any. */
    Optional<Comment> find(String marker);

    /** Creates a comment; returns it. */
    Comment create(String body);

    /** Replaces a comment's body; returns it. */
    Comment edit(long id, String body);

    record Comment(long id, String body, String url) {
    }
}
