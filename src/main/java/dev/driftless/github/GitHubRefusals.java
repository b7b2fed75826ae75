package dev.driftless.github;

import dev.driftless.DriftlessException;
import java.io.IOException;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.HttpException;

/**
 * Turns a failed GitHub call into a message that names the fix. A token without a permission gets 403,
 * and 404 where GitHub hides that the resource exists, so both get the caller's hint, which names the
 * workflow {@code permissions:} its own call needs.
 */
final class GitHubRefusals {
    private GitHubRefusals() {
    }

    static DriftlessException translate(String what, IOException e, String permissionHint) {
        // github-api reports a 404 on a read as GHFileNotFoundException, which is not an HttpException
        int status = e instanceof HttpException h ? h.getResponseCode() : e instanceof GHFileNotFoundException ? 404 : -1;
        if (status == 403 || status == 404) {
            return new DriftlessException("GitHub refused to " + what + " (" + status + ")", permissionHint, e);
        }
        return new DriftlessException("cannot " + what + ": " + e.getMessage(), "retry; check GITHUB_API_URL and the network", e);
    }
}
