package dev.driftless.github;

import dev.driftless.DriftlessException;
import dev.driftless.engine.RepositoryFiles;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.kohsuke.github.GHContent;
import org.kohsuke.github.GHContentUpdateResponse;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.HttpException;

/** A repository file through the GitHub contents API: one GET to read, one PUT to commit. */
public final class GitHubContentsFiles implements RepositoryFiles {
    private final GHRepository repository;

    public GitHubContentsFiles(GHRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<StoredFile> read(String path, String branch) {
        try {
            GHContent content = repository.getFileContent(path, branch);
            try (InputStream in = content.read()) {
                return Optional.of(new StoredFile(new String(in.readAllBytes(), StandardCharsets.UTF_8), content.getSha()));
            }
        } catch (FileNotFoundException e) {
            return Optional.empty();
        } catch (HttpException e) {
            throw translate("read " + path, e);
        } catch (IOException e) {
            throw new DriftlessException("cannot read " + path + " from GitHub: " + e.getMessage(),
                    "check GITHUB_API_URL and the network, or pass --no-tracker", e);
        }
    }

    @Override
    public WriteResult write(String path, String branch, String text, String message, String baseVersion) {
        try {
            GHContentUpdateResponse response = repository.createContent()
                    .path(path).branch(branch).sha(baseVersion).message(message)
                    .content(text.getBytes(StandardCharsets.UTF_8))
                    .commit();
            return new Written(response.getCommit() == null ? null : response.getCommit().getSHA1());
        } catch (HttpException e) {
            String body = (e.getMessage() == null ? "" : e.getMessage()).toLowerCase(Locale.ROOT);
            if (body.contains("protected branch") || body.contains("through a pull request")
                    || body.contains("required status check") || body.contains("repository rule")) {
                return new Refused(branch + " is a protected branch: GitHub refused the tracker commit",
                        "allow the workflow's token to push to " + branch + ", or set tracker.branch in the spec to an "
                                + "unprotected branch (merge it with the pull request flow)");
            }
            if (e.getResponseCode() == 409 || e.getResponseCode() == 422) {
                return new Stale("GitHub answered " + e.getResponseCode() + " (the file changed since it was read)");
            }
            if (e.getResponseCode() == 403 || e.getResponseCode() == 404) {
                return new Refused("GitHub answered " + e.getResponseCode() + " to the tracker commit",
                        "give the job `permissions: contents: write` (and check github-token can push to " + branch + ")");
            }
            throw translate("commit " + path, e);
        } catch (IOException e) {
            throw new DriftlessException("cannot commit " + path + " to GitHub: " + e.getMessage(),
                    "check GITHUB_API_URL and the network, or pass --no-tracker", e);
        }
    }

    @Override
    public String describe(String branch) {
        return repository.getFullName() + "@" + branch;
    }

    private static DriftlessException translate(String what, HttpException e) {
        if (e.getResponseCode() == 401) {
            return new DriftlessException("GitHub rejected the token when trying to " + what,
                    "pass a valid github-token (the workflow's GITHUB_TOKEN works), or --no-tracker", e);
        }
        return new DriftlessException("GitHub answered " + e.getResponseCode() + " when trying to " + what,
                "retry; if it persists check githubstatus.com, or pass --no-tracker", e);
    }
}
