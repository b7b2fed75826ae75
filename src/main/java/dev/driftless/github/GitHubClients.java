package dev.driftless.github;

import dev.driftless.DriftlessException;
import dev.driftless.actions.GitHubContext;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.Optional;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.HttpConnector;
import org.kohsuke.github.HttpException;
import org.kohsuke.github.extras.ImpatientHttpConnector;

/**
 * Builds the GitHub API client every GitHub adapter uses: the endpoint from GITHUB_API_URL (so GHES and
 * tests work), an installation-token login (the workflow's GITHUB_TOKEN is one; an OAuth login would
 * add a GET /user call), and an HttpURLConnection connector — the default java.net.http one keeps a
 * JDK 17 process alive ~0.3 s after main returns, which every step of every workflow would pay.
 */
public final class GitHubClients {
    static final int CONNECT_TIMEOUT_MS = 10_000;
    static final int READ_TIMEOUT_MS = 30_000;

    private GitHubClients() {
    }

    /** A client for this run, or empty when no token is available (local runs, fork pull requests). */
    public static Optional<GitHub> connect(GitHubContext context) {
        if (context.token() == null) {
            return Optional.empty();
        }
        return Optional.of(connect(context.apiUrl(), context.token()));
    }

    @SuppressWarnings("deprecation") // the HttpConnector overload is the HttpURLConnection-based path in 1.x
    public static GitHub connect(String apiUrl, String token) {
        try {
            return new GitHubBuilder()
                    .withEndpoint(apiUrl)
                    .withAppInstallationToken(token)
                    .withConnector(new ImpatientHttpConnector(HttpConnector.DEFAULT, CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS))
                    .build();
        } catch (IOException e) {
            throw new DriftlessException("cannot set up the GitHub client for " + apiUrl + ": " + e.getMessage(),
                    "check GITHUB_API_URL", e);
        }
    }

    /** The run's repository ({@code GITHUB_REPOSITORY}), with errors that say which permission is missing. */
    public static GHRepository repository(GitHub github, GitHubContext context) {
        if (context.repository() == null) {
            throw new DriftlessException("GITHUB_REPOSITORY is not set, so driftless does not know which repository to use",
                    "run inside GitHub Actions, or set GITHUB_REPOSITORY=owner/name");
        }
        try {
            return github.getRepository(context.repository());
        } catch (FileNotFoundException e) {
            throw new DriftlessException("GitHub has no repository " + context.repository() + " visible to this token",
                    "check GITHUB_REPOSITORY, and that github-token belongs to this repository", e);
        } catch (HttpException e) {
            if (e.getResponseCode() == 401) {
                throw new DriftlessException("GitHub rejected the token (401) reading " + context.repository(),
                        "pass a valid github-token; the workflow's GITHUB_TOKEN works", e);
            }
            throw new DriftlessException("GitHub answered " + e.getResponseCode() + " reading " + context.repository(),
                    "retry; if it persists check githubstatus.com", e);
        } catch (IOException e) {
            throw new DriftlessException("cannot reach GitHub at " + context.apiUrl() + ": " + e.getMessage(),
                    "check GITHUB_API_URL and the network", e);
        }
    }
}
