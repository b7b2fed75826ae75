package dev.driftless.cli;

import dev.driftless.DriftlessException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The checkout a run may read and write in Actions ({@code GITHUB_WORKSPACE}): paths from flags and inputs
 * resolve inside it, symlinks followed, so a pull request cannot make driftless read or write elsewhere.
 * Outside Actions there is no such boundary; the user's own paths are theirs.
 */
final class Workspace {
    private Workspace() {
    }

    /** The workspace's real path in Actions, else empty. */
    static Optional<Path> root(CommandContext ctx) {
        if (!ctx.actions().inActions()) {
            return Optional.empty();
        }
        return ctx.actions().variable("GITHUB_WORKSPACE").map(w -> {
            try {
                return Path.of(w).toRealPath();
            } catch (IOException e) {
                throw new DriftlessException("GITHUB_WORKSPACE names " + w + ", which cannot be resolved: " + e.getMessage(),
                        "run after actions/checkout, or unset GITHUB_WORKSPACE for a local run", e);
            }
        });
    }

    /** {@code path} (relative to the working directory) resolved, symlinks followed as far as it exists. */
    static Path requireInside(Path root, Path path, String what) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        Path resolved = absolute;
        if (existing != null) {
            try {
                resolved = existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
            } catch (IOException e) {
                throw new DriftlessException("cannot resolve " + what + ": " + e.getMessage(), "check the path", e);
            }
        }
        if (!resolved.startsWith(root)) {
            throw new DriftlessException(what + " resolves to " + resolved + ", outside the workspace " + root,
                    "give a path inside the repository checkout (no '..', no absolute path, no symlink out of it)");
        }
        return resolved;
    }
}
