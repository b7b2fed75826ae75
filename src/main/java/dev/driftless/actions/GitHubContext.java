package dev.driftless.actions;

import java.util.Map;
import java.util.Optional;

/**
 * The {@code GITHUB_*} context of a run. Values absent outside Actions are null; the API URL falls
 * back to github.com so local runs against a real repository work.
 */
public record GitHubContext(
        String repository,
        String sha,
        String ref,
        String runId,
        String runAttempt,
        String eventName,
        String eventPath,
        String serverUrl,
        String apiUrl,
        String workflow,
        String actor,
        String token) {

    public static GitHubContext from(Map<String, String> env, String tokenInput) {
        String token = tokenInput != null && !tokenInput.isBlank() ? tokenInput : blankToNull(env.get("GITHUB_TOKEN"));
        return new GitHubContext(
                blankToNull(env.get("GITHUB_REPOSITORY")),
                blankToNull(env.get("GITHUB_SHA")),
                blankToNull(env.get("GITHUB_REF")),
                blankToNull(env.get("GITHUB_RUN_ID")),
                blankToNull(env.get("GITHUB_RUN_ATTEMPT")),
                blankToNull(env.get("GITHUB_EVENT_NAME")),
                blankToNull(env.get("GITHUB_EVENT_PATH")),
                Optional.ofNullable(blankToNull(env.get("GITHUB_SERVER_URL"))).orElse("https://github.com"),
                Optional.ofNullable(blankToNull(env.get("GITHUB_API_URL"))).orElse("https://api.github.com"),
                blankToNull(env.get("GITHUB_WORKFLOW")),
                blankToNull(env.get("GITHUB_ACTOR")),
                token);
    }

    /** Link to this run's page (and so its job summary), or null outside Actions. */
    public String runUrl() {
        if (repository == null || runId == null) {
            return null;
        }
        return serverUrl + "/" + repository + "/actions/runs/" + runId;
    }

    /** The owner of {@code owner/name}, or null when the repository is unknown or not in that form. */
    public String owner() {
        int slash = repository == null ? -1 : repository.indexOf('/');
        return slash <= 0 ? null : repository.substring(0, slash);
    }

    public String repositoryName() {
        int slash = repository == null ? -1 : repository.indexOf('/');
        return slash <= 0 || slash == repository.length() - 1 ? null : repository.substring(slash + 1);
    }

    @Override
    public String toString() {
        // never print the token
        return "GitHubContext[repository=" + repository + ", sha=" + sha + ", ref=" + ref + ", runId=" + runId
                + ", eventName=" + eventName + ", apiUrl=" + apiUrl + ", token=" + (token == null ? "none" : "***") + "]";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
