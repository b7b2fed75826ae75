package dev.driftless.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftless.actions.ActionsRuntime;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    private int desired(String service) {
        return ecs.describeServices(b -> b.cluster("durable-code-dev").services(service)).services().get(0).desiredCount();
    }

    private Run run(String... args) throws IOException {
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
        // the waiter never really sleeps: moto reports the started services stable at once
        CommandContext ctx = new CommandContext(env, o, e, Clock.fixed(Instant.parse(MONDAY), ZoneOffset.UTC), d -> { },
                new ActionsRuntime(env, o, e));
        int code = Main.run(args, ctx);
        return new Run(code, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8),
                Files.readString(output), Files.readString(summary));
    }

    private record Run(int code, String err, String outputs, String summary) {
    }
}
