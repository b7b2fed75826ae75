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
        Optional<String> outside = outsideRoot(file);
        if (outside.isPresent()) {
            return new Refused(outside.get(), "give tracker.path relative to the repository root, inside it");
        }
        try {
            // write beside it and move, so an interrupted run never leaves half a tracker
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".driftless-", ".md");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            // the temporary file is 600; the tracker keeps its own mode (a new one gets a checkout's 644)
            Files.setPosixFilePermissions(tmp, Files.exists(file) ? Files.getPosixFilePermissions(file)
                    : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Written(null);
        } catch (IOException e) {
            return new Refused("cannot write " + file + ": " + e.getMessage(), "check the file's permissions, or pass --no-tracker");
        }
    }

    /** Why a tracker path leaves the working tree ('..', or a symlinked directory pointing out), if it does. */
    private Optional<String> outsideRoot(Path file) {
        try {
            Path realRoot = root.toAbsolutePath().toRealPath();
            Path parent = file.toAbsolutePath().normalize().getParent();
            Path realParent = parent != null && Files.exists(parent) ? parent.toRealPath() : parent;
            if (realParent == null || !realParent.startsWith(realRoot)) {
                return Optional.of("the tracker " + file + " is outside the working tree " + realRoot);
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot resolve the tracker " + file + ": " + e.getMessage());
        }
    }

    @Override
    public String describe(String branch) {
        return "the working tree at " + root.toAbsolutePath().normalize();
    }
}
