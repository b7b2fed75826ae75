package dev.driftless.actions;

import dev.driftless.DriftlessException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Step outputs, appended to {@code GITHUB_OUTPUT} in the heredoc form @actions/core uses. Outside
 * Actions (no file) they are printed as {@code name: value} lines instead.
 */
public final class StepOutputs {
    private final Path file;
    private final PrintStream console;
    private final Supplier<String> delimiters;

    public StepOutputs(Path file, PrintStream console) {
        this(file, console, () -> "ghadelimiter_" + UUID.randomUUID());
    }

    StepOutputs(Path file, PrintStream console, Supplier<String> delimiters) {
        this.file = file;
        this.console = console;
        this.delimiters = delimiters;
    }

    public void set(String name, String value) {
        String v = value == null ? "" : value;
        if (file == null) {
            console.println("output " + name + ": " + v);
            console.flush();
            return;
        }
        String delimiter = delimiters.get();
        if (name.contains(delimiter) || v.contains(delimiter)) {
            throw new DriftlessException("output " + name + " contains its own delimiter " + delimiter
                    + "; refusing to write it because it could inject other outputs");
        }
        String entry = name + "<<" + delimiter + "\n" + v + "\n" + delimiter + "\n";
        try {
            Files.writeString(file, entry, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new DriftlessException("cannot write step output " + name + " to " + file + ": " + e.getMessage(),
                    "check that GITHUB_OUTPUT names a writable file", e);
        }
    }
}
