package dev.driftless.actions;

import dev.driftless.DriftlessException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Markdown appended to {@code GITHUB_STEP_SUMMARY}; printed to the console outside Actions. */
public final class StepSummary {
    /** GitHub refuses a step summary over 1 MiB; we stay a little under it. */
    public static final int MAX_BYTES = 1024 * 1024 - 1024;

    private final Path file;
    private final PrintStream console;

    public StepSummary(Path file, PrintStream console) {
        this.file = file;
        this.console = console;
    }

    public boolean writesFile() {
        return file != null;
    }

    public void append(String markdown) {
        String text = markdown.endsWith("\n") ? markdown : markdown + "\n";
        if (file == null) {
            console.print(text);
            console.flush();
            return;
        }
        try {
            long existing = Files.exists(file) ? Files.size(file) : 0;
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (existing + bytes.length > MAX_BYTES) {
                text = "\n> driftless: the job summary reached GitHub's 1 MiB limit; the rest of this report was left out.\n";
                bytes = text.getBytes(StandardCharsets.UTF_8);
                if (existing + bytes.length > MAX_BYTES) {
                    return;
                }
            }
            Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new DriftlessException("cannot append to the step summary " + file + ": " + e.getMessage(),
                    "check that GITHUB_STEP_SUMMARY names a writable file", e);
        }
    }
}
