package dev.driftless.cli;

import dev.driftless.DriftlessException;
import dev.driftless.spec.SpecSource;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads {@code --specs PATH}: one file, or every {@code *.yaml}/{@code *.yml} directly in a directory,
 * in name order. Files are named as the user's path gives them (normalised), which is what Actions
 * annotations need to point into the repository.
 */
public final class SpecFiles {
    private SpecFiles() {
    }

    public static List<SpecSource> read(Path path) {
        Path p = path.normalize();
        if (!Files.exists(p)) {
            throw new DriftlessException("no deploy-specs at " + p,
                    "create " + p + (p.toString().endsWith(".yaml") || p.toString().endsWith(".yml") ? "" : "/<app>.yaml")
                            + " or pass --specs with the directory or file that holds them");
        }
        if (Files.isRegularFile(p)) {
            return List.of(read(p, p.toString()));
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(p)) {
            files = list.filter(f -> Files.isRegularFile(f) && isSpec(f.getFileName().toString())).sorted().toList();
        } catch (IOException e) {
            throw new DriftlessException("cannot list " + p + ": " + e.getMessage(), "check the directory's permissions", e);
        }
        if (files.isEmpty()) {
            throw new DriftlessException("no *.yaml or *.yml files in " + p,
                    "add a deploy-spec (see docs/spec-reference.md) or pass --specs with the right directory");
        }
        List<SpecSource> sources = new ArrayList<>();
        for (Path f : files) {
            sources.add(read(f, f.toString()));
        }
        return List.copyOf(sources);
    }

    static boolean isSpec(String fileName) {
        return fileName.endsWith(".yaml") || fileName.endsWith(".yml");
    }

    private static SpecSource read(Path file, String name) {
        try {
            return new SpecSource(name, Files.readString(file));
        } catch (CharacterCodingException e) {
            throw new DriftlessException(name + " is not UTF-8 text", "save it as UTF-8", e);
        } catch (IOException e) {
            throw new DriftlessException("cannot read " + name + ": " + e.getMessage(), "check the file's permissions", e);
        }
    }
}
