package dev.driftless.cli;

import dev.driftless.DriftlessException;
import dev.driftless.spec.SpecSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads {@code --specs PATH}: one file, or every {@code *.yaml}/{@code *.yml} directly in a directory,
 * in name order. Files are named as the user's path gives them (normalised), which is what Actions
 * annotations need to point into the repository.
 *
 * <p>A pull request chooses these files, so they are bounded before the parser sees them: regular files only
 * (a FIFO or device is refused without opening it), at most {@link #MAX_BYTES}, no line over
 * {@link #MAX_LINE}, UTF-8; symlinks are followed only when they resolve, and in Actions only inside the
 * workspace.
 */
public final class SpecFiles {
    /** A deploy-spec is a page of YAML; a megabyte is far beyond any real one and still cheap to parse. */
    public static final int MAX_BYTES = 1024 * 1024;
    /** SnakeYAML's scanner slows down on very long lines; no honest spec line comes near this. */
    public static final int MAX_LINE = 64 * 1024;

    private SpecFiles() {
    }

    public static List<SpecSource> read(Path path) {
        return read(path, null);
    }

    /** @param workspace the directory every spec must resolve inside (GITHUB_WORKSPACE in Actions), or null */
    public static List<SpecSource> read(Path path, Path workspace) {
        Path p = path.normalize();
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            throw new DriftlessException("no deploy-specs at " + p,
                    "create " + p + (p.toString().endsWith(".yaml") || p.toString().endsWith(".yml") ? "" : "/<app>.yaml")
                            + " or pass --specs with the directory or file that holds them");
        }
        Path real = resolve(p, workspace);
        if (!Files.isDirectory(real)) {
            return List.of(readOne(p, real));
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(real)) {
            files = list.filter(f -> isSpec(f.getFileName().toString())).map(f -> p.resolve(f.getFileName()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new DriftlessException("cannot list " + p + ": " + e.getMessage(), "check the directory's permissions", e);
        }
        List<SpecSource> sources = new ArrayList<>();
        for (Path f : files) {
            Path target = resolve(f, workspace);
            if (!Files.isDirectory(target)) {
                sources.add(readOne(f, target));
            }
        }
        if (sources.isEmpty()) {
            throw new DriftlessException("no *.yaml or *.yml files in " + p,
                    "add a deploy-spec (see docs/spec-reference.md) or pass --specs with the right directory");
        }
        return List.copyOf(sources);
    }

    static boolean isSpec(String fileName) {
        return fileName.endsWith(".yaml") || fileName.endsWith(".yml");
    }

    /** The file a name stands for, symlinks followed; a dangling link, a loop or an escape is named. */
    private static Path resolve(Path file, Path workspace) {
        Path real;
        try {
            real = file.toRealPath();
        } catch (NoSuchFileException e) {
            throw new DriftlessException(file + " is a symbolic link to " + linkTarget(file) + ", which does not exist",
                    "point the link at a deploy-spec in the repository, or remove it");
        } catch (FileSystemException e) {
            throw new DriftlessException("cannot resolve " + file + ": " + (e.getReason() == null ? e.getMessage() : e.getReason())
                    + " (a symbolic link loop?)", "make the link point at a real file, or remove it", e);
        } catch (IOException e) {
            throw new DriftlessException("cannot resolve " + file + ": " + e.getMessage(), "check the path", e);
        }
        if (workspace != null) {
            Workspace.requireInside(workspace, real, "--specs " + file);
        }
        return real;
    }

    private static String linkTarget(Path file) {
        try {
            return Files.readSymbolicLink(file).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "a missing file";
        }
    }

    private static SpecSource readOne(Path name, Path real) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(real, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new DriftlessException("cannot read " + name + ": " + e.getMessage(), "check the file's permissions", e);
        }
        if (!attributes.isRegularFile()) {
            throw new DriftlessException(name + " is not a regular file (a FIFO, socket or device); it was not opened",
                    "point --specs at deploy-spec files");
        }
        if (attributes.size() > MAX_BYTES) {
            throw new DriftlessException(name + " is " + attributes.size() + " bytes; a deploy-spec may be at most "
                    + MAX_BYTES + " bytes (1 MiB)", "split it, or remove what does not belong in a deploy-spec");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(real)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new DriftlessException("cannot read " + name + ": " + e.getMessage(), "check the file's permissions", e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new DriftlessException(name + " grew beyond " + MAX_BYTES + " bytes (1 MiB) while being read",
                    "a deploy-spec may be at most 1 MiB");
        }
        checkLines(name, bytes);
        return new SpecSource(name.toString(), decode(name, bytes));
    }

    private static void checkLines(Path name, byte[] bytes) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                if (i - start > MAX_LINE) {
                    throw new DriftlessException(name + ":" + line + ": the line is " + (i - start) + " bytes; a deploy-spec "
                            + "line may be at most " + MAX_LINE + " bytes (64 KiB)", "break the value over several lines");
                }
                line++;
                start = i + 1;
            }
        }
    }

    private static String decode(Path name, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new DriftlessException(name + ":" + line + ": not UTF-8 text (byte 0x"
                    + String.format("%02X", bytes[at] & 0xFF) + ")", "save the file as UTF-8");
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }
}
