package dev.driftless.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftless.testing.JarRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/** What the released artifact may weigh and contain (issue 2: ≤ 16 MB, no netty or Apache HTTP clients). */
class JarContentsIT {
    private static final long MAX_BYTES = 16L * 1024 * 1024;

    @Test
    void jarIsAtMostSixteenMegabytes() throws Exception {
        Path jar = JarRun.jar();

        assertThat(Files.size(jar)).as("size of %s", jar).isPositive().isLessThanOrEqualTo(MAX_BYTES);
    }

    @Test
    void jarHoldsNoNettyOrApacheHttpClientClasses() throws Exception {
        try (JarFile jar = new JarFile(JarRun.jar().toFile())) {
            List<String> names = jar.stream().map(ZipEntry::getName).toList();

            assertThat(names).as("the jar is the shaded one").contains("dev/driftless/cli/Main.class", "picocli/CommandLine.class");
            assertThat(names).noneMatch(n -> n.startsWith("io/netty/"));
            assertThat(names).noneMatch(n -> n.startsWith("org/apache/http/"));
            assertThat(names).noneMatch(n -> n.startsWith("org/apache/hc/"));
            assertThat(names).noneMatch(n -> n.startsWith("software/amazon/awssdk/http/nio/netty/"));
            assertThat(names).noneMatch(n -> n.startsWith("software/amazon/awssdk/http/apache"));
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("dev.driftless.cli.Main");
            // without it github-api cannot send PATCH on Java 17 and the sticky PR comment is never edited
            assertThat(jar.getManifest().getMainAttributes().getValue("Add-Opens")).contains("java.base/java.net");
        }
    }
}
