package dev.driftless.exec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;

/** Puts the recording fake {@code docker} (src/test/resources/fake-docker/docker) into a directory. */
public final class FakeDocker {
    private FakeDocker() {
    }

    public static Path install(Path dir) throws IOException {
        Path script = dir.resolve("docker");
        try (InputStream in = FakeDocker.class.getResourceAsStream("/fake-docker/docker")) {
            Files.copy(in, script);
        }
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    /** @param raw everything recorded: argv and environment of each call */
    public record Calls(String raw, List<List<String>> argv) {
    }

    public static Calls calls(Path dir) throws IOException {
        Path log = dir.resolve("calls.log");
        String raw = Files.exists(log) ? Files.readString(log) : "";
        List<List<String>> argv = raw.lines().filter(l -> l.startsWith("ARGV"))
                .map(l -> Arrays.asList(l.split("\t", -1)).subList(1, l.split("\t", -1).length))
                .map(List::copyOf)
                .toList();
        return new Calls(raw, argv);
    }
}
