package dev.driftless.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.driftless.DriftlessException;
import dev.driftless.actions.ActionsRuntime;
import dev.driftless.actions.GitHubContext;
import dev.driftless.engine.PullRequestComments;
import dev.driftless.engine.StickyComment;
import dev.driftless.github.GitHubClients;
import dev.driftless.github.GitHubPullRequestComments;
import dev.driftless.github.GitHubViewer;
import dev.driftless.render.SectionFooter;
import java.util.Optional;
import java.util.Set;
import org.kohsuke.github.GitHub;

/**
 * Puts one command's section into driftless's sticky pull-request comment, when the run is for a pull
 * request and has a token; otherwise the job summary is the only place the report goes. A comment GitHub
 * refuses is a warning, never a failed step: the report itself succeeded.
 */
final class PullRequestSection {
    static final Set<String> PR_EVENTS = Set.of("pull_request", "pull_request_target");

    private PullRequestSection() {
    }

    /**
     * @param what what the section holds, for messages ("the cost report")
     * @return the comment written, or empty when none was (not a pull request, no token, refused)
     */
    static Optional<PullRequestComments.Comment> publish(
            CommandContext ctx, String section, String markdown, String what) {
        return publish(ctx, section, markdown, what, true);
    }

    /**
     * @param create whether to create the comment when driftless has none on this pull request yet
     *               (false: only update an existing one, for {@code --comment on-change} without changes)
     */
    static Optional<PullRequestComments.Comment> publish(
            CommandContext ctx, String section, String markdown, String what, boolean create) {
        ActionsRuntime actions = ctx.actions();
        GitHubContext gh = actions.context();
        if (gh.eventName() == null || !PR_EVENTS.contains(gh.eventName())) {
            return Optional.empty();
        }
        if (gh.token() == null) {
            ctx.err().println("no GitHub token (GITHUB_TOKEN or input github-token): " + what + " is in the job summary only");
            return Optional.empty();
        }
        Optional<JsonNode> event = actions.event();
        Optional<Integer> number = event.flatMap(PullRequestSection::pullRequestNumber);
        if (number.isEmpty()) {
            actions.commands().warning("the " + gh.eventName() + " event payload has no pull request number; "
                    + what + " is in the job summary only", null);
            return Optional.empty();
        }
        String note = gh.runUrl() == null ? "_Cut to fit a comment; the full text is in the job summary._"
                : "_Cut to fit a comment; the full text is in [the run's job summary](" + gh.runUrl() + ")._";
        String footer = footer(ctx, event.flatMap(PullRequestSection::headSha).orElse(gh.sha()));
        try {
            GitHub github = GitHubClients.connect(gh).orElseThrow();
            var comments = new GitHubPullRequestComments(GitHubClients.repository(github, gh), number.get());
            var identity = new GitHubViewer(gh.apiUrl(), gh.token(), w -> actions.commands().warning(w, null));
            var sticky = new StickyComment(comments, identity, ctx.sleeper());
            var request = new StickyComment.Section(section, markdown, note, footer);
            Optional<PullRequestComments.Comment> written = create ? Optional.of(sticky.put(request)) : sticky.update(request);
            written.ifPresentOrElse(w -> ctx.err().println(what + " in the pull request comment: "
                    + (w.url() == null ? "#" + w.id() : w.url())),
                    () -> ctx.err().println("no pull request comment: nothing changes and driftless has no comment there yet"));
            return written;
        } catch (DriftlessException e) {
            actions.commands().warning(e.getMessage() + (e.hint() == null ? "" : " — " + e.hint()), null);
            return Optional.empty();
        }
    }

    /** The section's footer: the commit it describes, now (from the run's clock) and the run. */
    static String footer(CommandContext ctx, String sha) {
        GitHubContext gh = ctx.actions().context();
        return new SectionFooter(sha, gh.serverUrl(), gh.repository(), ctx.clock().instant(), gh.runId()).render();
    }

    /** The pull request's head commit: GITHUB_SHA of a pull_request run is the test merge commit, which nobody pushed. */
    static Optional<String> headSha(JsonNode event) {
        JsonNode sha = event.path("pull_request").path("head").path("sha");
        return sha.isTextual() ? Optional.of(sha.asText()) : Optional.empty();
    }

    static Optional<Integer> pullRequestNumber(JsonNode event) {
        JsonNode n = event.path("pull_request").path("number");
        if (!n.isInt()) {
            n = event.path("number");
        }
        return n.isInt() ? Optional.of(n.asInt()) : Optional.empty();
    }
}
