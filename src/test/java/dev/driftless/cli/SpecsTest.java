package dev.driftless.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftless.DriftlessException;
import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.EnvironmentSpec;
import dev.driftless.spec.ServiceView;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SpecsTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CommandContext ctx = CommandContext.of(Map.of(), new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    private static CommonOptions options(String... args) {
        CommonOptions common = new CommonOptions();
        new CommandLine(common).parseArgs(args);
        return common;
    }

    @Test
    void loadsTheSampleAndResolvesEnvironmentAndServices() {
        CommonOptions common = options("--specs", "deploy-specs", "--env", "prod", "--service", "backend");

        DeploySpec spec = Specs.single(Specs.load(common, ctx), common);
        EnvironmentSpec env = Specs.environment(spec, common, ctx);
        Map<String, ServiceView> services = Specs.services(spec, env, common, ctx);

        assertThat(spec.name()).isEqualTo("durable-code");
        assertThat(spec.file()).isEqualTo("deploy-specs/durable-code.yaml");
        assertThat(env.name()).isEqualTo("prod");
        assertThat(services).containsOnlyKeys("backend");
        ServiceView backend = services.get("backend");
        assertThat(backend.cpu()).isEqualTo(512);
        assertThat(backend.memory()).isEqualTo(1024);
        assertThat(backend.desiredCount()).isEqualTo(2);
        assertThat(backend.variables()).containsEntry("LOG_LEVEL", "warn");
        assertThat(backend.secrets()).containsKey("DATABASE_URL");
    }

    @Test
    void anInvalidSpecThrowsWithEveryProblem() {
        CommonOptions common = options("--specs", ValidateCommandTest.resource("broken"));

        assertThatThrownBy(() -> Specs.load(common, ctx))
                .isInstanceOf(DriftlessException.class)
                .hasMessageStartingWith("invalid deploy-spec (20 errors in 3 files):")
                .hasMessageContaining("a-fields.yaml:19:5: services.api.cpus: unknown field 'cpus'; did you mean 'cpu'?")
                .hasMessageContaining("b-sizes.yml:18:25: services.web.autoscaling.min: min 3 is above max 2")
                .hasMessageContaining("c-empty.yaml:7:11: services: no services")
                .satisfies(e -> assertThat(((DriftlessException) e).hint()).contains("driftless validate --specs"));
    }

    @Test
    void unknownEnvironmentOrServiceSuggestsTheClosest() {
        CommonOptions common = options("--specs", "deploy-specs", "--env", "prdo", "--service", "backnd");
        DeploySpec spec = Specs.load(common, ctx).get(0);

        assertThatThrownBy(() -> Specs.environment(spec, common, ctx))
                .hasMessageContaining("no environment 'prdo'").hasMessageContaining("did you mean 'prod'?");
        assertThatThrownBy(() -> Specs.services(spec, spec.environments().get("dev"), common, ctx))
                .hasMessageContaining("no service 'backnd'").hasMessageContaining("did you mean 'backend'?");
    }

    @Test
    void environmentIsRequired() {
        CommonOptions common = options("--specs", "deploy-specs");
        List<DeploySpec> specs = Specs.load(common, ctx);

        assertThatThrownBy(() -> Specs.environment(specs.get(0), common, ctx))
                .isInstanceOf(DriftlessException.class).hasMessageContaining("has dev, prod");
    }
}
