package dev.driftless.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftless.DriftlessException;
import dev.driftless.spec.SpecSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
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
                .hasMessage(file + " is not UTF-8 text");
    }
}
