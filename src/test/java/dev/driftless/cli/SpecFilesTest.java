package dev.driftless.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftless.DriftlessException;
import dev.driftless.spec.SpecSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class SpecFilesTest {

    @Test
    void aDirectoryGivesItsYamlAndYmlFilesInNameOrder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("b.yml"), "b: 1\n");
        Files.writeString(dir.resolve("a.yaml"), "a: 1\n");
        Files.writeString(dir.resolve("notes.md"), "# not a spec\n");
        Files.createDirectory(dir.resolve("nested.yaml"));

        List<SpecSource> sources = SpecFiles.read(dir);

        assertThat(sources).extracting(SpecSource::file)
                .containsExactly(dir.resolve("a.yaml").toString(), dir.resolve("b.yml").toString());
        assertThat(sources.get(0).text()).isEqualTo("a: 1\n");
    }

    @Test
    void oneFileIsReadAsGivenNormalised() {
        List<SpecSource> sources = SpecFiles.read(Path.of("./deploy-specs/durable-code.yaml"));

        assertThat(sources).singleElement()
                .satisfies(s -> assertThat(s.file()).isEqualTo("deploy-specs/durable-code.yaml"));
    }

    @Test
    void aMissingPathIsNamedWithTheFix() {
        assertThatThrownBy(() -> SpecFiles.read(Path.of("nowhere")))
                .isInstanceOf(DriftlessException.class)
                .hasMessage("no deploy-specs at nowhere")
                .satisfies(e -> assertThat(((DriftlessException) e).hint()).contains("--specs"));
    }

    @Test
    void aFileThatIsNotUtf8IsNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});

        assertThatThrownBy(() -> SpecFiles.read(file)).isInstanceOf(DriftlessException.class)
                .hasMessage(file + ":1: not UTF-8 text (byte 0xE9)");
    }

    @Test
    void invalidUtf8IsReportedWithItsLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("app.yaml");
        Files.write(file, new byte[] {'a', ':', ' ', '1', '\n', 'b', ':', ' ', '2', '\n', 'c', ':', ' ', (byte) 0xFF, '\n'});

        assertThatThrownBy(() -> SpecFiles.read(file)).hasMessage(file + ":3: not UTF-8 text (byte 0xFF)");
    }

    @Test
    void aSpecOverOneMebibyteIsRefusedBeforeParsing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big.yaml");
        Files.write(file, ("# " + "x".repeat(1000) + "\n").repeat(1100).getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> SpecFiles.read(file)).isInstanceOf(DriftlessException.class)
                .hasMessageContaining("big.yaml is 1103300 bytes; a deploy-spec may be at most 1048576 bytes (1 MiB)");
    }

    @Test
    void aLineOver64KibIsRefusedWithItsLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("long.yaml");
        Files.writeString(file, "name: app\n# " + "x".repeat(70_000) + "\n");

        assertThatThrownBy(() -> SpecFiles.read(file)).isInstanceOf(DriftlessException.class)
                .hasMessageStartingWith(file + ":2: the line is 70002 bytes; a deploy-spec line may be at most 65536 bytes");
    }

    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFifoIsRefusedWithoutOpeningIt(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("spec.yaml");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

        assertThatThrownBy(() -> SpecFiles.read(fifo)).hasMessage(fifo + " is not a regular file (a FIFO, socket or device); it was not opened");
        assertThatThrownBy(() -> SpecFiles.read(dir)).as("in a directory too")
                .hasMessage(fifo + " is not a regular file (a FIFO, socket or device); it was not opened");
    }

    @Test
    void aDeviceIsRefused() {
        assertThatThrownBy(() -> SpecFiles.read(Path.of("/dev/zero")))
                .hasMessage("/dev/zero is not a regular file (a FIFO, socket or device); it was not opened");
    }

    @Test
    void danglingLinksAndLoopsAreNamed(@TempDir Path dir) throws Exception {
        Path dangling = Files.createDirectory(dir.resolve("dangling"));
        Files.createSymbolicLink(dangling.resolve("app.yaml"), dir.resolve("gone.yaml"));
        assertThatThrownBy(() -> SpecFiles.read(dangling))
                .hasMessage(dangling.resolve("app.yaml") + " is a symbolic link to " + dir.resolve("gone.yaml") + ", which does not exist");

        Path loop = Files.createDirectory(dir.resolve("loop"));
        Files.createSymbolicLink(loop.resolve("a.yaml"), loop.resolve("b.yaml"));
        Files.createSymbolicLink(loop.resolve("b.yaml"), loop.resolve("a.yaml"));
        assertThatThrownBy(() -> SpecFiles.read(loop)).hasMessageStartingWith("cannot resolve " + loop.resolve("a.yaml"))
                .hasMessageContaining("symbolic link loop");
    }

    @Test
    void inTheWorkspaceASymlinkOutOfItIsRefused(@TempDir Path dir) throws Exception {
        Path workspace = Files.createDirectory(dir.resolve("ws")).toRealPath();
        Path outside = Files.writeString(dir.resolve("secret.yaml"), "name: x\n");
        Path specs = Files.createDirectory(workspace.resolve("deploy-specs"));
        Files.createSymbolicLink(specs.resolve("app.yaml"), outside);

        assertThatThrownBy(() -> SpecFiles.read(specs, workspace))
                .hasMessageContaining("resolves to " + outside.toRealPath() + ", outside the workspace " + workspace);
        assertThat(SpecFiles.read(specs, null)).as("outside Actions the user's own links are theirs").hasSize(1);
    }
}
