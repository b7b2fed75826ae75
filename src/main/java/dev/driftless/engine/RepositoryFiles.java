package dev.driftless.engine;

import java.util.Optional;

/** Reads and writes one text file of the repository: through the GitHub contents API, or the working tree. */
public interface RepositoryFiles {

    /** The file's text and the version a write must name, or empty when the file does not exist. */
    Optional<StoredFile> read(String path, String branch);

    /** Writes the file over {@code baseVersion}; never throws for a stale version or a protected branch. */
    WriteResult write(String path, String branch, String text, String message, String baseVersion);

    /** Where writes go, for messages ("owner/repo@main" or a directory). */
    String describe(String branch);

    record StoredFile(String text, String version) {
    }

    sealed interface WriteResult permits Written, Stale, Refused {
    }

    /** @param commit the new commit's SHA, or null for a working-tree write */
    record Written(String commit) implements WriteResult {
    }

    /** Someone changed the file since we read it (HTTP 409/422 on a SHA mismatch): read again and re-apply. */
    record Stale(String reason) implements WriteResult {
    }

    /** The write can never succeed as is (protected branch, no permission): {@code fix} says what to change. */
    record Refused(String reason, String fix) implements WriteResult {
    }
}
