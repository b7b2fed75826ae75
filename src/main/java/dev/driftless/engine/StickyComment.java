package dev.driftless.engine;

import dev.driftless.comment.CommentBody;
import dev.driftless.DriftlessException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * driftless's one comment on a pull request, found by its hidden marker and edited in place on every
 * run, never posted twice. Each command owns a named section of it (see {@link CommentBody}):
 *
 * <pre>{@code
 * new StickyComment(comments, identity, sleeper).put(new StickyComment.Section("cost", costMarkdown, note, footer));
 * }</pre>
 *
 * The first {@code put} on a pull request creates the comment; later ones (by any command) read it,
 * replace their own section and edit it. Only a comment written by the token's own identity counts:
 * someone quoting the marker in their own comment is left alone.
 *
 * <p>Jobs of one matrix write sections of the same comment at the same time, and GitHub has no
 * compare-and-set for comments. So a write re-reads the comment just before editing it (another job's
 * edit since the first read is re-applied onto), and reads it again after editing (a job that edited in
 * between and dropped this section is repaired), a bounded number of times.
 */
public final class StickyComment {
    static final int MAX_ATTEMPTS = 6;
    private static final Duration SETTLE = Duration.ofMillis(700);

    private final PullRequestComments comments;
    private final TokenIdentity identity;
    private final Sleeper sleeper;
    private String login;

    /** A comment matched by marker alone (any author), for callers that cannot learn the token's identity. */
    public StickyComment(PullRequestComments comments) {
        this(comments, null, d -> { });
    }

    public StickyComment(PullRequestComments comments, TokenIdentity identity, Sleeper sleeper) {
        this.comments = comments;
        this.identity = identity;
        this.sleeper = sleeper;
    }

    /**
     * One section of the comment.
     *
     * @param overflowNote the last line when the section is cut to fit, e.g. a link to the job summary
     * @param footer       a line that is never cut (which commit, when, which run), or empty
     */
    public record Section(String name, String markdown, String overflowNote, String footer) {
        public Section {
            Objects.requireNonNull(name);
            footer = footer == null ? "" : footer;
        }
    }

    /** Sets one section and writes the comment; returns what was written, with its URL. */
    public PullRequestComments.Comment put(String section, String markdown, String overflowNote) {
        return put(new Section(section, markdown, overflowNote, ""));
    }

    /** Sets one section, creating the comment when there is none yet. */
    public PullRequestComments.Comment put(Section section) {
        return write(section, true).orElseThrow();
    }

    /** Sets one section only when driftless already has a comment here; creates none. */
    public Optional<PullRequestComments.Comment> update(Section section) {
        return write(section, false);
    }

    private Optional<PullRequestComments.Comment> write(Section section, boolean create) {
        Optional<PullRequestComments.Comment> own = own();
        if (own.isEmpty()) {
            return create ? Optional.of(comments.create(render(CommentBody.empty(), section))) : Optional.empty();
        }
        PullRequestComments.Comment read = own.get();
        String wanted = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            String text = render(CommentBody.parse(read.body()), section);
            if (text.equals(read.body())) {
                return Optional.of(read);
            }
            wanted = CommentBody.parse(text).sections().get(section.name());
            PullRequestComments.Comment now = comments.read(read.id());
            if (!Objects.equals(now.body(), read.body())) {
                read = now; // another job edited it since: apply this section onto its version
                continue;
            }
            PullRequestComments.Comment written = comments.edit(read.id(), text);
            PullRequestComments.Comment after = comments.read(read.id());
            // the body replaced can come back from a lagging replica right after an edit: no one else wrote
            if (Objects.equals(after.body(), read.body())
                    || Objects.equals(CommentBody.parse(after.body()).sections().get(section.name()), wanted)) {
                return Optional.of(new PullRequestComments.Comment(written.id(), after.body(), written.url(), written.author()));
            }
            read = after; // a job that read before this edit wrote after it and dropped this section
            pause(attempt);
        }
        throw new DriftlessException("the pull request comment kept changing while section " + section.name()
                + " was written (" + MAX_ATTEMPTS + " attempts)",
                "rerun the job; if many jobs write one comment at once, give them different sections or fewer jobs");
    }

    private void pause(int attempt) {
        try {
            // back off so writers that keep colliding fall out of step
            sleeper.sleep(SETTLE.multipliedBy(attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriftlessException("interrupted while writing the pull request comment", "rerun the job", e);
        }
    }

    private Optional<PullRequestComments.Comment> own() {
        var candidates = comments.findAll(CommentBody.MARKER);
        if (identity == null) {
            return candidates.stream().findFirst();
        }
        if (candidates.isEmpty()) {
            return Optional.empty(); // no need to ask who the token is
        }
        if (login == null) {
            login = identity.login();
        }
        return candidates.stream().filter(c -> c.author() != null && c.author().equalsIgnoreCase(login)).findFirst();
    }

    private static String render(CommentBody body, Section section) {
        return body.with(section.name(), section.markdown(), section.overflowNote(), section.footer()).render();
    }
}
