package dev.driftless.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A local tracker write keeps the file's mode and stays inside the working tree. */
class WorkingTreeFilesTest {
    @TempDir
    Path dir;

    @Test
    void theTrackerKeepsItsModeAndANewOneGetsACheckoutsMode() throws Exception {
        Path tracker = Files.writeString(dir.resolve("TRACKER.md"), "old\n");
        Files.setPosixFilePermissions(tracker, PosixFilePermissions.fromString("rw-rw-r--"));
        WorkingTreeFiles files = new WorkingTreeFiles(dir);

        var result = files.write("TRACKER.md", "main", "new\n", "m", files.read("TRACKER.md", "main").orElseThrow().version());
        files.write("NEW.md", "main", "x\n", "m", null);

        assertThat(result).isInstanceOf(RepositoryFiles.Written.class);
        assertThat(Files.readString(tracker)).isEqualTo("new\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tracker))).isEqualTo("rw-rw-r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("NEW.md")))).isEqualTo("rw-r--r--");
    }

    @Test
    void aTrackerOutsideTheWorkingTreeIsRefusedAndNothingIsWritten() throws Exception {
        Path repo = Files.createDirectory(dir.resolve("repo"));
        Path outside = Files.createDirectory(dir.resolve("outside"));
        Files.createSymbolicLink(repo.resolve("planning"), outside);
        WorkingTreeFiles files = new WorkingTreeFiles(repo);

        assertThat(files.write("../outside/x.md", "main", "pwned\n", "m", null)).isInstanceOf(RepositoryFiles.Refused.class);
        assertThat(files.write("planning/x.md", "main", "pwned\n", "m", null)).isInstanceOf(RepositoryFiles.Refused.class);
        assertThat(outside).isEmptyDirectory();
    }
}
