package dev.driftless.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftless.actions.ActionsRuntime;
import dev.driftless.engine.FakeClock;
import dev.driftless.engine.Sleeper;
import dev.driftless.render.GoldenFiles;
import dev.driftless.testing.MotoServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.ecs.EcsClient;

/** schedule / stop / start in-process, as the action runs them: spec file, moto, GITHUB_OUTPUT and step summary files. */
class ScheduleCommandsMotoTest {
    private static final String SATURDAY = "2026-11-28T18:00:00Z"; // 10:00 in Los Angeles, outside MON-FRI 08-20
    private static final String MONDAY = "2026-11-30T17:00:00Z"; // 09:00 in Los Angeles, inside
    private static MotoServer moto;

    @TempDir
    Path dir;
    private EcsClient ecs;
    private ApplicationAutoScalingClient aas;
    private Path specs;

    @BeforeAll
    static void startMoto() {
        moto = MotoServer.start(Map.of("MOTO_ECS_SERVICE_RUNNING", "3"));
    }

    @AfterAll
    static void stopMoto() {
        moto.close();
    }

    @BeforeEach
    void arrange() throws IOException {
        moto.reset();
        var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
        ecs = EcsClient.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_WEST_2).credentialsProvider(creds)
                .endpointOverride(URI.create(moto.endpoint())).build();
        aas = ApplicationAutoScalingClient.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_WEST_2)
                .credentialsProvider(creds).endpointOverride(URI.create(moto.endpoint())).build();
        ecs.createCluster(b -> b.clusterName("durable-code-dev"));
        ecs.registerTaskDefinition(b -> b.family("app").containerDefinitions(c -> c.name("app").image("nginx").memory(512)));
        ecs.createService(b -> b.cluster("durable-code-dev").serviceName("backend").taskDefinition("app").desiredCount(3));
        ecs.createService(b -> b.cluster("durable-code-dev").serviceName("frontend").taskDefinition("app").desiredCount(2));
        aas.registerScalableTarget(b -> b.serviceNamespace(ServiceNamespace.ECS).scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .resourceId("service/durable-code-dev/backend").minCapacity(2).maxCapacity(5));
        specs = dir.resolve("durable-code.yaml");
        try (InputStream in = getClass().getResourceAsStream("/schedule/durable-code.yaml")) {
            Files.write(specs, in.readAllBytes());
        }
    }

    @AfterEach
    void close() {
        ecs.close();
        aas.close();
    }

    @Test
    void scheduleStopsOutsideTheWindowReportsItAndASecondRunDoesNothing() throws IOException {
        Run first = run("schedule", "--specs", specs.toString(), "--env", "dev", "--at", SATURDAY);

        assertThat(first.code).as(first.err).isZero();
        assertThat(first.outputs).contains("stopped").contains("backend:3->0").contains("frontend:2->0")
                .contains("start 2026-11-30T16:00:00Z").contains("saved-usd");
        assertThat(first.summary).contains("| backend | stop | 3 → 0 | 2-5 → 0-0 |").contains("**Next transition:** start at 2026-11-30T16:00:00Z");
        assertThat(desired("backend")).isZero();

        Run second = run("schedule", "--specs", specs.toString(), "--env", "dev", "--at", SATURDAY);

        assertThat(second.code).isZero();
        assertThat(second.err).contains("nothing to change");
        assertThat(second.outputs).contains("none");
    }

    @Test
    void startWithWaitThatTimesOutPrintsJsonSayingSoAfterTheWaitAndExitsOne() throws IOException {
        // moto completes a rollout only when its 3 running tasks cover the desiredCount at creation:
        // a backend created with 5 stays deploying after it is scaled to 0, so the wait can only time out
        ecs.createService(b -> b.cluster("durable-code-dev").serviceName("backend").taskDefinition("app").desiredCount(5));
        ecs.updateService(b -> b.cluster("durable-code-dev").service("backend").desiredCount(0));
        FakeClock clock = new FakeClock(Instant.parse(MONDAY));

        Run start = run(clock, clock.sleeper(), "start", "--specs", specs.toString(), "--env", "dev", "--wait", "--at", MONDAY,
                "--no-tracker", "--json");

        assertThat(start.code).as(start.err).isEqualTo(1);
        assertThat(start.err).contains("error: services did not become stable within PT15M")
                .contains("waiting for backend").doesNotContain("Exception");
        // the environment's lease settles before the first write, then the wait runs its 15 minutes
        assertThat(clock.instant()).isEqualTo(Instant.parse(MONDAY).plus(dev.driftless.engine.EnvironmentLease.SETTLE)
                .plus(Duration.ofMinutes(15)));
        String json = withoutWorkflowCommands(start.stdout);
        assertThat(json.lines().filter("{"::equals)).as("one JSON document, printed after the wait").hasSize(1);
        JsonNode tree = new ObjectMapper().readTree(json);
        assertThat(tree.get("action").asText()).isEqualTo("started");
        assertThat(tree.get("wait").get("stable").asBoolean()).isFalse();
        assertThat(tree.get("wait").get("timeout").asText()).isEqualTo("PT15M");
        assertThat(tree.get("wait").get("services").findValuesAsText("service")).contains("backend");
        JsonNode backend = tree.get("wait").get("services").findParents("service").stream()
                .filter(s -> s.get("service").asText().equals("backend")).findFirst().orElseThrow();
        assertThat(backend.get("deploying").asBoolean()).isTrue();
        assertThat(start.summary).contains("**Wait:** " + tree.get("wait").get("verdict").asText())
                .contains("services did not become stable within PT15M");
    }

    @Test
    void startWithWaitThatEndsStableSaysSoInJsonAndSummary() throws IOException {
        assertThat(run("stop", "--specs", specs.toString(), "--env", "dev", "--at", SATURDAY).code).isZero();

        Run start = run("start", "--specs", specs.toString(), "--env", "dev", "--wait", "--at", MONDAY, "--no-tracker", "--json");

        assertThat(start.code).as(start.err).isZero();
        JsonNode tree = new ObjectMapper().readTree(withoutWorkflowCommands(start.stdout));
        assertThat(tree.get("wait").get("stable").asBoolean()).isTrue();
        assertThat(start.summary).contains("**Wait:** stable: ");
    }

    @Test
    void startWithWaitRestoresWhatStopSaved() throws IOException {
        assertThat(run("stop", "--specs", specs.toString(), "--env", "dev", "--at", SATURDAY).code).isZero();

        Run start = run("start", "--specs", specs.toString(), "--env", "dev", "--wait", "--at", MONDAY);

        assertThat(start.code).as(start.err).isZero();
        assertThat(start.err).contains("backend: desiredCount 0 → 3, autoscaling 0-0 → 2-5").contains("stable:");
        assertThat(desired("backend")).isEqualTo(3);
        assertThat(desired("frontend")).isEqualTo(2);
    }

    @Test
    void stopThenStartAreRecordedInTheWorkspaceTrackerAndTickTheScheduleChecklistItem() throws IOException {
        Path tracker = dir.resolve("planning/deployment/PROGRESS_TRACKER.md");
        Files.createDirectories(tracker.getParent());
        try (InputStream in = getClass().getResourceAsStream("/tracker/PROGRESS_TRACKER.md")) {
            Files.write(tracker, in.readAllBytes());
        }

        Run stop = run("stop", "--specs", specs.toString(), "--env", "dev", "--at", SATURDAY);
        String afterStop = Files.readString(tracker);
        Run start = run("start", "--specs", specs.toString(), "--env", "dev", "--at", MONDAY);
        String afterStart = Files.readString(tracker);

        assertThat(stop.err).contains("tracker: updated planning/deployment/PROGRESS_TRACKER.md");
        assertThat(afterStop).contains("**Infrastructure State**: ⏸️ durable-code dev: stopped, 2/2 services at 0")
                .contains("  - [ ] Test schedule activation and deactivation")
                .contains("  - [x] Set min capacity to 0 during off-hours");
        assertThat(start.err).contains("tracker: updated");
        assertThat(afterStart).contains("**Infrastructure State**: 🟢 durable-code dev: started, 2/2 services running")
                .contains("  - [x] Test schedule activation and deactivation")
                .contains("- driftless: stopped durable-code dev (backend, frontend) [2026-11-28T18:00:00Z]");
        Run noTracker = run("stop", "--specs", specs.toString(), "--env", "dev", "--no-tracker", "--at", SATURDAY);
        assertThat(noTracker.err).contains("tracker: skipped (--no-tracker)");
        assertThat(Files.readString(tracker)).isEqualTo(afterStart);
    }

    @Test
    void aStopWhileAnotherRunHoldsTheEnvironmentsLeaseIsRefusedBeforeAnyChange() throws IOException {
        FakeClock clock = new FakeClock(Instant.parse(SATURDAY));
        new dev.driftless.engine.EnvironmentLease(new dev.driftless.aws.EcsClusterTags(ecs), clock, clock.sleeper(),
                dev.driftless.engine.Progress.NONE).acquire("dev", "durable-code-dev", "deploy", "acme/durable-code", "777", "1", Duration.ofHours(1), false);

        Run stop = run(clock, clock.sleeper(), "stop", "--specs", specs.toString(), "--env", "dev", "--at", SATURDAY, "--no-tracker");

        assertThat(stop.code).isEqualTo(1);
        assertThat(stop.err).contains("is held by deploy by acme/durable-code run 777").contains("nothing was changed");
        assertThat(desired("backend")).isEqualTo(3);
        assertThat(desired("frontend")).isEqualTo(2);
    }

    @Test
    void aConvergedScheduleRunTakesNoLease() throws IOException {
        assertThat(run("schedule", "--specs", specs.toString(), "--env", "dev", "--at", SATURDAY).code).isZero();
        Run second = run("schedule", "--specs", specs.toString(), "--env", "dev", "--at", SATURDAY);

        assertThat(second.code).isZero();
        assertThat(second.err).contains("nothing to change").doesNotContain("lease");
        assertThat(ecs.describeClusters(b -> b.clusters("durable-code-dev").include(
                software.amazon.awssdk.services.ecs.model.ClusterField.TAGS)).clusters().get(0).tags())
                .as("the first run released its lease, the second took none").isEmpty();
    }

    @Test
    void dryRunChangesNothingAndSaysWhatItWouldDo() throws IOException {
        Run stop = run("stop", "--specs", specs.toString(), "--env", "dev", "--service", "backend", "--dry-run", "--at", SATURDAY);

        assertThat(stop.code).as(stop.err).isZero();
        assertThat(stop.err).contains("backend: would desiredCount 3 → 0");
        assertThat(desired("backend")).isEqualTo(3);
    }

    @Test
    void anUnknownEnvironmentFailsBeforeAnyAwsCall() throws IOException {
        Run r = run("schedule", "--specs", specs.toString(), "--env", "staging");

        assertThat(r.code).isEqualTo(ExitCode.FAILURE);
        assertThat(r.err).contains("no environment 'staging'");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "stop                  | running      | stop --at " + SATURDAY + "                 | scaling/stop.json",
        "stop keep-running     | keep-running | stop --at " + SATURDAY + "                 | scaling/stop-keep-running.json",
        "start after stop      | stopped      | start --at " + MONDAY + "                  | scaling/start.json",
        "schedule dry run      | running      | schedule --dry-run --at " + SATURDAY + "   | scaling/schedule-dry-run.json",
        "schedule in window    | running      | schedule --at " + MONDAY + "               | scaling/schedule-unchanged.json",
    })
    void jsonOnStdoutCarriesTheSummarysFacts(String name, String state, String command, String golden) throws IOException {
        if (state.equals("stopped")) {
            assertThat(run("stop", "--specs", specs.toString(), "--env", "dev", "--at", SATURDAY).code).isZero();
        } else if (state.equals("keep-running")) {
            String arn = ecs.describeServices(b -> b.cluster("durable-code-dev").services("frontend")).services().get(0).serviceArn();
            ecs.tagResource(b -> b.resourceArn(arn).tags(t -> t.key("keep-running").value("true")));
        }
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("--specs", specs.toString(), "--env", "dev", "--no-tracker", "--json"));

        Run r = run(args.toArray(String[]::new));

        assertThat(r.code).as(r.err).isZero();
        String json = withoutWorkflowCommands(r.stdout);
        GoldenFiles.assertMatches(golden, json);
        JsonNode tree = new ObjectMapper().readTree(json);
        for (JsonNode s : tree.get("services")) {
            assertThat(r.summary).as("the summary row of " + s.get("service"))
                    .containsPattern("\\| " + s.get("service").asText() + " \\| (would )?" + s.get("result").asText() + " \\|");
        }
        assertThat(r.outputs).contains("action<<").contains(tree.get("dryRun").asBoolean() ? "none" : tree.get("action").asText());
    }

    @Test
    void outsideActionsStdoutHoldsOnlyTheJson() throws IOException {
        Map<String, String> env = new HashMap<>(moto.awsEnvironment());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Main.run(new String[] {"stop", "--specs", specs.toString(), "--env", "dev", "--json", "--at", SATURDAY}, env,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode tree = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(tree.get("action").asText()).isEqualTo("stopped");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("backend: desiredCount 3 → 0");
    }

    /** In Actions the runner reads ::add-mask:: and other workflow commands from stdout; they are not output. */
    private static String withoutWorkflowCommands(String stdout) {
        return stdout.lines().filter(l -> !l.startsWith("::")).map(l -> l + "\n").collect(Collectors.joining());
    }

    private int desired(String service) {
        return ecs.describeServices(b -> b.cluster("durable-code-dev").services(service)).services().get(0).desiredCount();
    }

    private Run run(String... args) throws IOException {
        // the waiter never really sleeps: moto reports the started services stable at once
        return run(Clock.fixed(Instant.parse(MONDAY), ZoneOffset.UTC), d -> { }, args);
    }

    private Run run(Clock clock, Sleeper sleeper, String... args) throws IOException {
        Path output = Files.createTempFile(dir, "output", ".txt");
        Path summary = Files.createTempFile(dir, "summary", ".md");
        Map<String, String> env = new HashMap<>(moto.awsEnvironment());
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_OUTPUT", output.toString());
        env.put("GITHUB_STEP_SUMMARY", summary.toString());
        env.put("GITHUB_WORKSPACE", dir.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        CommandContext ctx = new CommandContext(env, o, e, clock, sleeper, new ActionsRuntime(env, o, e));
        int code = Main.run(args, ctx);
        return new Run(code, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8),
                Files.readString(output), Files.readString(summary), out.toString(StandardCharsets.UTF_8));
    }

    /** @param err stdout and stderr together; {@code stdout} alone for --json */
    private record Run(int code, String err, String outputs, String summary, String stdout) {
    }
}
