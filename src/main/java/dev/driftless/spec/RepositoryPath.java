package dev.driftless.spec;

import java.util.Optional;

/**
 * A path a spec names inside the repository (tracker file, build context, dockerfile): relative, without a
 * {@code ..} segment and without characters that end a line or a C string. Checked as text here, so a pull
 * request's spec cannot point outside the checkout; the commands resolve symlinks against the workspace too.
 */
public final class RepositoryPath {
    private RepositoryPath() {
    }

    /** Why {@code value} is not a path inside the repository, or empty when it is one. */
    public static Optional<String> problem(String value) {
        if (value.isEmpty()) {
            return Optional.of("is empty");
        }
        if (value.indexOf('\0') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            return Optional.of("holds a NUL, CR or LF character");
        }
        if (value.startsWith("/") || value.startsWith("\\") || value.startsWith("~") || value.matches("(?s)[A-Za-z]:.*")) {
            return Optional.of("is absolute; give it relative to the repository root");
        }
        for (String segment : value.split("[/\\\\]")) {
            if (segment.equals("..")) {
                return Optional.of("climbs out with '..'; give it relative to the repository root, inside it");
            }
        }
        return Optional.empty();
    }
}
