package dev.driftless.engine.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftless.DriftlessException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build context and Dockerfile are resolved again, symlinks followed, right before docker reads them. */
class BuildPathsTest {
    @TempDir
    Path dir;

    @Test
    void aContextInsideTheRepositoryIsItsRealPath() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Path app = Files.createDirectories(repo.resolve("app"));
        Files.createSymbolicLink(repo.resolve("current"), app);

        assertThat(build(repo).insideRepository(repo.resolve("current"), "backend: build context")).isEqualTo(app.toRealPath());
    }

    @Test
    void aSymlinkSwappedInThatLeadsOutsideIsRefused() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Path secrets = Files.createDirectories(dir.resolve("home-secrets"));
        Path app = Files.createDirectories(repo.resolve("app"));
        ImageBuild build = build(repo);
        assertThat(build.insideRepository(app, "backend: build context")).isEqualTo(app.toRealPath());

        // validated as a directory inside; replaced by a link out of the checkout before the build
        Files.delete(app);
        Files.createSymbolicLink(app, secrets);

        assertThatThrownBy(() -> build.insideRepository(app, "backend: build context"))
                .isInstanceOf(DriftlessException.class)
                .hasMessageContaining("backend: build context " + app + " resolves to " + secrets.toRealPath())
                .hasMessageContaining("outside the repository");
    }

    @Test
    void aDanglingDockerfileIsNamed() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.createSymbolicLink(repo.resolve("Dockerfile"), dir.resolve("gone"));

        assertThatThrownBy(() -> build(repo).insideRepository(repo.resolve("Dockerfile"), "backend: Dockerfile"))
                .isInstanceOf(DriftlessException.class)
                .hasMessageContaining("backend: Dockerfile " + repo.resolve("Dockerfile") + " cannot be resolved");
    }

    private static ImageBuild build(Path repo) {
        return new ImageBuild(null, null, null, s -> { }, null, repo);
    }
}
