package dev.driftless.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sample spec shows issue #15's features as a user would write them: a FireLens router and a migrate task. */
class SampleSpecSidecarsTest {
    @Test
    void theSampleHasAFireLensRouterSidecarAndAMigrateTask() throws Exception {
        SpecResult r = SpecLoader.load(new SpecSource("durable-code.yaml",
                Files.readString(Path.of("deploy-specs/durable-code.yaml"))));
        assertThat(r.problems()).noneMatch(Problem::isError);

        Sidecar router = r.spec().services().get("backend").sidecars().get("log-router");
        assertThat(router).isNotNull();
        assertThat(router.firelens().type()).isEqualTo("fluentbit");
        assertThat(router.essential()).isFalse();

        OneOffTask migrate = r.spec().tasks().get("migrate");
        assertThat(migrate.service()).isEqualTo("backend");
        assertThat(migrate.command()).isEqualTo(List.of("python", "-m", "app.migrate"));
    }
}
