package dev.driftless.cli;

import dev.driftless.DriftlessException;

/**
 * GitHub is never on the critical path of a run: a deployment status, a pull-request comment or a tracker
 * commit that fails — GitHub answering 5xx, refusing (401/403/404), the connection dropping — becomes one
 * warning naming the fix, and the exit code stays the command's own.
 */
final class GitHubTrouble {
    private GitHubTrouble() {
    }

    static void warn(CommandContext ctx, String what, RuntimeException e) {
        String fix;
        String message;
        if (e instanceof DriftlessException d) {
            message = d.getMessage();
            fix = d.hint() != null ? d.hint() : GENERIC;
        } else {
            // not translated at the adapter (kohsuke's unchecked errors): still a warning, never a failed run
            message = "unexpected " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            fix = GENERIC;
        }
        ctx.actions().commands().warning(what + ": " + message + " — " + fix + " (the run's result does not depend on it)", null);
    }

    static final String GENERIC = "check the token's permissions (deployments: write, pull-requests: write, contents: write),"
            + " GITHUB_API_URL and githubstatus.com; a rate limit clears within the hour";
}
