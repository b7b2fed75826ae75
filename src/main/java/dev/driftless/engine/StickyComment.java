package dev.driftless.engine;

import dev.driftless.render.CommentBody;

/**
 * driftless's one comment on a pull request, found by its hidden marker and edited in place on every
 * run, never posted twice. Each command owns a named section of it (see {@link CommentBody}):
 *
 * <pre>{@code
 * new StickyComment(comments).put("cost", costMarkdown, "Full report: " + runUrl);
 * }</pre>
 *
 * The first {@code put} on a pull request creates the comment; later ones (by any command) read it,
 * replace their own section and edit it.
 */
public final class StickyComment {
    private final PullRequestComments comments;

    public StickyComment(PullRequestComments comments) {
        this.comments = comments;
    }

    /** Sets one section and writes the comment; returns what was written, with its URL. */
    public PullRequestComments.Comment put(String section, String markdown, String overflowNote) {
        var existing = comments.find(CommentBody.MARKER);
        CommentBody body = existing.map(c -> CommentBody.parse(c.body())).orElseGet(CommentBody::empty)
                .with(section, markdown, overflowNote);
        String text = body.render();
        if (existing.isPresent()) {
            if (existing.get().body().equals(text)) {
                return existing.get();
            }
            return comments.edit(existing.get().id(), text);
        }
        return comments.create(text);
    }
}
