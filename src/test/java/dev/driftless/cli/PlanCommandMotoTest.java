package dev.driftless.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftless.aws.MotoClients;
import dev.driftless.spec.DeploySpec;
import dev.driftless.testing.MotoExtension;
import dev.driftless.testing.MotoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code driftless plan} on the sample spec against moto, services put there exactly as rendered. */
@ExtendWith(MotoExtension.class)
class PlanCommandMotoTest {
    @TempDir
    Path tmp;

    private Map<String, String> env(MotoServer moto) {
        Map<String, String> env = new HashMap<>(moto.awsEnvironment());
        env.put("RUNNER_TEMP", tmp.toString());
        return env;
    }

    private PlanRun plan(MotoServer moto, Path specs, String tag) {
        return PlanRun.run(env(moto), "--specs", specs.toString(), "--env", "dev", "--image-tag", tag,
                "--detailed-exitcode", "--json", "--at", "2026-11-25T16:00:00Z");
    }

    @Test
    void theSampleDeployedExactlyAsRenderedHasNoChanges(MotoServer moto) throws Exception {
        try (MotoClients aws = new MotoClients(moto)) {
            PlanRun.deploy(aws, PlanRun.load(PlanRun.SAMPLE), "dev", "abc123");

            PlanRun run = plan(moto, PlanRun.SAMPLE, "abc123");

            assertThat(run.code).as(run.err).isZero();
            assertThat(run.json().path("hasChanges").asBoolean()).isFalse();
            assertThat(run.json().path("changeCount").asInt()).isZero();
            assertThat(run.json().path("monthlyEstimateUsd").asDouble()).isPositive();
            Path planFile = tmp.resolve("driftless-plan-dev.json");
            assertThat(Files.readString(planFile)).contains("\"hasChanges\" : false");
        }
    }

    @Test
    void nothingDeployedPlansToCreateEverythingAndExits2(MotoServer moto) {
        PlanRun run = plan(moto, PlanRun.SAMPLE, "abc123");

        assertThat(run.code).as(run.err).isEqualTo(ExitCode.CHANGES);
        assertThat(run.json().path("clusterExists").asBoolean()).isFalse();
        assertThat(run.json().path("services")).extracting(s -> s.path("action").asText()).containsOnly("create");
    }

    static Stream<Arguments> specChanges() {
        return Stream.of(
                Arguments.of("cpu", "cpu: 256                     # CPU units (1024 = 1 vCPU)\n    memory: 512",
                        "cpu: 512\n    memory: 1024", "backend", List.of("cpu_memory:cpu", "cpu_memory:memory")),
                Arguments.of("an environment variable", "LOG_LEVEL: info", "LOG_LEVEL: debug", "backend",
                        List.of("environment:LOG_LEVEL")),
                Arguments.of("desired count", "desiredCount: 1\n    overrides:\n      prod: { desiredCount: 2 }",
                        "desiredCount: 2\n    overrides:\n      prod: { desiredCount: 2 }", "frontend",
                        List.of("desired_count:desired count")),
                Arguments.of("capacity", "capacity: spot ", "capacity: on-demand ", "frontend",
                        List.of("capacity:capacity providers")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specChanges")
    void changingTheSpecShowsExactlyThatChange(String what, String from, String to, String service, List<String> expected,
                                              MotoServer moto) throws Exception {
        try (MotoClients aws = new MotoClients(moto)) {
            PlanRun.deploy(aws, PlanRun.load(PlanRun.SAMPLE), "dev", "abc123");
            Path dir = Files.createDirectories(tmp.resolve("specs"));
            Path changed = PlanRun.sampleWith(dir, from, to);

            PlanRun run = plan(moto, changed, "abc123");

            assertThat(run.code).as(run.err).isEqualTo(ExitCode.CHANGES);
            assertThat(run.changes(service)).containsExactlyElementsOf(expected);
            assertThat(run.json().path("driftCount").asInt()).isZero();
            String other = service.equals("backend") ? "frontend" : "backend";
            if (!what.equals("capacity")) {
                assertThat(run.changes(other)).isEmpty();
            }
            if (what.equals("an environment variable")) { // plain values are in git, so the plan shows them
                assertThat(run.out).contains("\"from\" : \"info\"").contains("\"to\" : \"debug\"");
            }
        }
    }

    @Test
    void aScheduleChangeInTheSpecShowsOnlyScheduleChangesInWords(MotoServer moto) throws Exception {
        try (MotoClients aws = new MotoClients(moto)) {
            PlanRun.deploy(aws, PlanRun.load(PlanRun.SAMPLE), "dev", "abc123");
            Path changed = PlanRun.sampleWith(Files.createDirectories(tmp.resolve("specs")),
                    "{ days: MON-FRI, from: \"08:00\", to: \"20:00\" }", "{ days: MON-SUN, from: \"07:00\", to: \"22:00\" }");
            Path summary = tmp.resolve("summary.md");
            Map<String, String> env = env(moto);
            env.putAll(Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", summary.toString(),
                    "GITHUB_OUTPUT", tmp.resolve("output").toString()));

            PlanRun run = PlanRun.run(env, "--specs", changed.toString(), "--env", "dev", "--image-tag", "abc123",
                    "--detailed-exitcode", "--at", "2026-11-25T16:00:00Z");

            assertThat(run.code).as(run.err).isEqualTo(ExitCode.CHANGES);
            var plan = new com.fasterxml.jackson.databind.ObjectMapper().readTree(tmp.resolve("driftless-plan-dev.json").toFile());
            assertThat(plan.path("driftCount").asInt()).isZero();
            assertThat(plan.path("services")).hasSize(2).allSatisfy(s -> {
                assertThat(s.path("changes")).singleElement().satisfies(c -> {
                    assertThat(c.path("group").asText()).isEqualTo("schedule");
                    assertThat(c.path("from").asText()).isEqualTo("weekdays 08:00–20:00 America/Los_Angeles");
                    assertThat(c.path("to").asText()).isEqualTo("every day 07:00–22:00 America/Los_Angeles");
                });
                assertThat(s.path("registerTaskDefinition").asBoolean()).isFalse();
                assertThat(s.path("updateService").asBoolean()).isFalse();
            });
            // live under the recorded weekdays 08–20: 21 weekdays × 12 h = 252 h; proposed every day 07–22 in LA:
            // 30 × 15 h = 450 h (the Nov 1 DST change falls at 02:00, outside the window); 2 Spot tasks of
            // 0.25 vCPU / 0.5 GB at 0.00370275 $/h → (450 − 252) × 2 × 0.00370275 = +1.466289
            assertThat(Files.readString(summary)).contains("schedule changed for 2 services")
                    .contains("| backend | update | schedule | — |")
                    .containsPattern("\\*\\*Estimated monthly cost \\(November 2026\\):\\*\\* \\$[0-9.]+ live → \\$[0-9.]+ with this plan \\(\\+\\$1\\.47\\)");
        }
    }

    @Test
    void aNewImageTagShowsOnlyImageChanges(MotoServer moto) {
        try (MotoClients aws = new MotoClients(moto)) {
            PlanRun.deploy(aws, PlanRun.load(PlanRun.SAMPLE), "dev", "abc123");

            PlanRun run = plan(moto, PlanRun.SAMPLE, "def456");

            assertThat(run.changes("backend")).containsExactly("image:image");
            assertThat(run.changes("frontend")).containsExactly("image:image");
        }
    }

    @Test
    void keepingLiveImagesForServicesThePrDoesNotBuild(MotoServer moto) {
        try (MotoClients aws = new MotoClients(moto)) {
            PlanRun.deploy(aws, PlanRun.load(PlanRun.SAMPLE), "dev", "abc123");

            PlanRun run = PlanRun.run(env(moto), "--specs", PlanRun.SAMPLE.toString(), "--env", "dev", "--image-tag", "def456",
                    "--built-service", "backend", "--json");

            assertThat(run.code).as(run.err).isZero();
            assertThat(run.changes("backend")).containsExactly("image:image");
            assertThat(run.changes("frontend")).isEmpty();
        }
    }

    @Test
    void aServiceChangedByHandShowsAsDrift(MotoServer moto) {
        try (MotoClients aws = new MotoClients(moto)) {
            DeploySpec spec = PlanRun.load(PlanRun.SAMPLE);
            PlanRun.deploy(aws, spec, "dev", "abc123");
            aws.ecs.updateService(b -> b.cluster("durable-code-dev").service("frontend").desiredCount(3)
                    .capacityProviderStrategy(c -> c.capacityProvider("FARGATE").weight(1)));

            PlanRun run = plan(moto, PlanRun.SAMPLE, "abc123");

            assertThat(run.code).as(run.err).isEqualTo(ExitCode.CHANGES);
            assertThat(run.changes("frontend")).containsExactly("desired_count:desired count:drift",
                    "capacity:capacity providers:drift");
            assertThat(run.json().path("driftCount").asInt()).isEqualTo(2);
        }
    }

    @Test
    void withoutDetailedExitcodeChangesExit0AndMarkdownGoesToStdout(MotoServer moto) {
        PlanRun run = PlanRun.run(env(moto), "--specs", PlanRun.SAMPLE.toString(), "--env", "dev", "--image-tag", "abc123");

        assertThat(run.code).as(run.err).isZero();
        assertThat(run.out).startsWith("### driftless plan: durable-code / dev").contains("**Estimated monthly cost (");
    }

    @Test
    void anUnknownEnvironmentIsOneClearError(MotoServer moto) {
        PlanRun run = PlanRun.run(env(moto), "--specs", PlanRun.SAMPLE.toString(), "--env", "qa", "--image-tag", "abc123");

        assertThat(run.code).isEqualTo(ExitCode.FAILURE);
        assertThat(run.err).contains("no environment 'qa'").doesNotContain("\tat ");
    }
}
