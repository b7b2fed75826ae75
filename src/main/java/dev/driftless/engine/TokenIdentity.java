package dev.driftless.engine;

/**
 * Who the GitHub token in use writes as: {@code github-actions[bot]} for the workflow's GITHUB_TOKEN,
 * {@code <app-slug>[bot]} for a GitHub App's installation token, the user's login for a personal token.
 * driftless edits only comments and issues this identity wrote, never a look-alike someone else posted.
 */
@FunctionalInterface
public interface TokenIdentity {
    /** The workflow token's identity. */
    String ACTIONS_BOT = "github-actions[bot]";

    String login();
}
