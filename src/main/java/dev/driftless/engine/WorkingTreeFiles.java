package dev.driftless.engine;

import dev.driftless.DriftlessException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** The repository's working tree, for local runs: the file is written in place, nothing is committed. */
public final class WorkingTreeFiles implements RepositoryFiles {
    private final Path root;

    public WorkingTreeFiles(Path root) {
        this.root = root;
    }

    @Override
    public Optional<StoredFile> read(String path, String branch) {
        Path file = root.resolve(path);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return Optional.of(new StoredFile(text, Integer.toHexString(text.hashCode())));
        } catch (IOException e) {
            throw new DriftlessException("cannot read the tracker " + file + ": " + e.getMessage(),
                    "check the file's permissions, or pass --no-tracker");
        }
    }

    @Override
    public WriteResult write(String path, String branch, String text, String message, String baseVersion) {
        Path file = root.resolve(path);
        Optional<StoredFile> now = read(path, branch);
        if (now.isPresent() && !now.get().version().equals(baseVersion)) {
            return new Stale(file + " changed while driftless was updating it");
        }
        try {
            // write beside it and move, so an interrupted run never leaves half a tracker
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".driftless-", ".md");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Written(null);
        } catch (IOException e) {
            return new Refused("cannot write " + file + ": " + e.getMessage(), "check the file's permissions, or pass --no-tracker");
        }
    }

    @Override
    public String describe(String branch) {
        return "the working tree at " + root.toAbsolutePath().normalize();
    }
}
