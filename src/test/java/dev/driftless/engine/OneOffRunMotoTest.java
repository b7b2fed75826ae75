package dev.driftless.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftless.aws.CloudWatchLogsJsonClient;
import dev.driftless.aws.EcsTaskDefinitionStore;
import dev.driftless.aws.EcsTaskRunner;
import dev.driftless.aws.ServiceEndpoint;
import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.SpecLoader;
import dev.driftless.spec.SpecResult;
import dev.driftless.spec.SpecSource;
import dev.driftless.testing.MotoServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;

/**
 * One-off tasks on moto, its task lifecycle extended by src/test/resources/moto/tasks.py (a task's command says
 * how it ends: "exit N" or "sleep infinity"), with rollouts.py's service patches so the service deploys first.
 */
class OneOffRunMotoTest {
    static MotoServer moto;
    static SdkHttpClient http;
    DeployFixture f;
    MotoNetwork network;
    DeploySpec spec;

    @BeforeAll
    static void start() throws IOException {
        Path rollouts = Files.createTempFile("rollouts-", ".py");
        try (InputStream in = OneOffRunMotoTest.class.getResourceAsStream("/moto/rollouts.py")) {
            Files.write(rollouts, in.readAllBytes());
        }
        rollouts.toFile().deleteOnExit();
        moto = MotoServer.startLauncher("/moto/tasks.py", Map.of("ROLLOUTS_PY", rollouts.toString()));
        http = UrlConnectionHttpClient.create();
    }

    @AfterAll
    static void stop() {
        moto.close();
        http.close();
    }

    @BeforeEach
    void fresh() {
        moto.reset();
        f = new DeployFixture(moto.endpoint());
        f.createCluster();
        network = MotoNetwork.create(moto);
        spec = spec(network);
        assertThat(f.deploy(spec, "v1").ok()).isTrue();
    }

    @AfterEach
    void close() {
        f.close();
    }

    static DeploySpec spec(MotoNetwork network) {
        String text = """
                apiVersion: driftless/v1
                kind: Application
                name: durable-code
                account: "123456789012"
                region: us-west-2
                environments:
                  dev:
                    cluster: durable-code-dev
                    network: { subnets: [%s], securityGroups: [%s] }
                logs: { group: /ecs/durable-code }
                services:
                  backend:
                    image: { repository: durable-code-backend }
                    cpu: 256
                    memory: 512
                tasks:
                  migrate: { service: backend, command: [sh, -c, "./manage migrate; exit 0"] }
                  broken: { service: backend, command: [sh, -c, "./manage migrate; exit 3"] }
                  hangs: { service: backend, command: [sh, -c, "sleep infinity"], timeout: 1m }
                """.formatted(network.subnet(), network.securityGroup());
        SpecResult result = SpecLoader.load(new SpecSource("tasks.yaml", text));
        assertThat(result.errors()).isEmpty();
        return result.spec();
    }

    OneOffRun runner() {
        var logs = new CloudWatchLogsJsonClient(http,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")),
                new ServiceEndpoint(URI.create(moto.endpoint()), "us-west-2", "logs", true));
        return new OneOffRun(f.reader(), new EcsTaskDefinitionStore(f.ecs), new EcsTaskRunner(f.ecs), logs, f.clock,
                f.clock.sleeper(), f.progress);
    }

    OneOffRun.Result run(String task) {
        return runner().run(spec, "dev", task, new ImageSelection(Map.of(), "v1"), false, "driftless/test");
    }

    @Test
    void aTaskThatExitsZeroSucceedsWithTheLiveDefinitionAndItsLogs() {
        int mark = f.counter.mark();

        OneOffRun.Result r = run("migrate");

        assertThat(r.succeeded()).isTrue();
        assertThat(r.exitCode()).isZero();
        assertThat(r.registered()).isFalse();
        assertThat(r.taskDefinitionArn()).endsWith("durable-code-dev-backend:1");
        assertThat(r.stoppedReason()).isEqualTo("Essential container in task exited");
        assertThat(r.logTail()).containsExactly("$ sh -c ./manage migrate; exit 0", "working…", "exit 0");
        assertThat(f.counter.count(f.counter.since(mark), "RegisterTaskDefinition")).isZero();
        var task = f.ecs.describeTasks(d -> d.cluster(DeployFixture.CLUSTER).tasks(r.taskArn())
                .include(software.amazon.awssdk.services.ecs.model.TaskField.TAGS)).tasks().get(0);
        assertThat(task.startedBy()).isEqualTo("driftless/test");
        assertThat(task.tags()).anySatisfy(t -> {
            assertThat(t.key()).isEqualTo("driftless:task");
            assertThat(t.value()).isEqualTo("migrate");
        });
        assertThat(f.progress.lines).anySatisfy(l -> assertThat(l).startsWith("task migrate: RUNNING"));
    }

    @Test
    void aTaskThatExitsThreeFailsWithItsExitCodeAndLogTail() {
        OneOffRun.Result r = run("broken");

        assertThat(r.succeeded()).isFalse();
        assertThat(r.timedOut()).isFalse();
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.logTail()).contains("exit 3");
    }

    @Test
    void aTaskThatNeverStopsIsStoppedAtItsTimeout() {
        int mark = f.counter.mark();

        OneOffRun.Result r = run("hangs");

        assertThat(r.succeeded()).isFalse();
        assertThat(r.timedOut()).isTrue();
        assertThat(r.stoppedReason()).contains("did not stop within");
        assertThat(f.counter.count(f.counter.since(mark), "StopTask")).isEqualTo(1);
        // bounded polling: one DescribeTasks per 6 s poll over the 1 minute timeout, no more
        assertThat(f.counter.count(f.counter.since(mark), "DescribeTasks")).isBetween(10L, 12L);
        assertThat(f.ecs.describeTasks(d -> d.cluster(DeployFixture.CLUSTER).tasks(r.taskArn())).tasks().get(0)
                .desiredStatus()).isEqualTo(DesiredStatus.STOPPED.toString());
    }

    @Test
    void aNewImageRegistersARevisionForTheTaskButLeavesTheServiceAlone() {
        OneOffRun.Result r = runner().run(spec, "dev", "migrate", new ImageSelection(Map.of(), "v2"), false, "driftless/test");

        assertThat(r.succeeded()).isTrue();
        assertThat(r.registered()).isTrue();
        assertThat(r.taskDefinitionArn()).endsWith("durable-code-dev-backend:2");
        assertThat(f.ecs.describeServices(d -> d.cluster(DeployFixture.CLUSTER).services("backend")).services().get(0)
                .taskDefinition()).endsWith(":1");
    }

    DeployReport deployWithBefore(String task, String tag) {
        DeploySpec before = withBefore(spec, task);
        List<ServiceStep> steps = new DeployPlanner(before, f.reader()).plan("dev", List.of(),
                new ImageSelection(Map.of(), tag), false);
        return new BeforeTasks(f.deployer(), runner(), f.progress).deploy(before, "dev", DeployFixture.CLUSTER, steps,
                DeployFixture.options(false), new ImageSelection(Map.of(), tag), "driftless/test");
    }

    static DeploySpec withBefore(DeploySpec s, String task) {
        var d = s.deploy();
        return new DeploySpec(s.file(), s.apiVersion(), s.kind(), s.name(), s.account(), s.region(), s.tags(), s.budget(),
                s.cost(), s.tracker(), new dev.driftless.spec.DeploySettings(d.timeout(), d.retain(), List.of(task)),
                s.environments(), s.services(), s.roles(), s.logs(), s.test(), s.tasks());
    }

    String liveRevision() {
        return f.ecs.describeServices(d -> d.cluster(DeployFixture.CLUSTER).services("backend")).services().get(0).taskDefinition();
    }

    @Test
    void aFailingBeforeTaskLeavesEveryServiceOnItsOldRevision() {
        int mark = f.counter.mark();

        DeployReport report = deployWithBefore("broken", "v2");

        assertThat(report.ok()).isFalse();
        assertThat(report.services()).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(ServiceResult.Outcome.FAILED);
            assertThat(r.reasons()).singleElement().satisfies(why -> assertThat(why)
                    .contains("before-deploy task broken failed: exit code 3").contains("no service was changed"));
        });
        assertThat(liveRevision()).endsWith("durable-code-dev-backend:1");
        List<String> calls = f.counter.since(mark);
        assertThat(f.counter.count(calls, "UpdateService")).isZero();
        assertThat(f.counter.count(calls, "RegisterTaskDefinition")).isEqualTo(1);
        // the task ran with the revision the deploy would have rolled out
        var task = f.ecs.describeTasks(d -> d.cluster(DeployFixture.CLUSTER)
                .tasks(f.ecs.listTasks(l -> l.cluster(DeployFixture.CLUSTER)).taskArns())).tasks();
        assertThat(task).extracting(t -> t.taskDefinitionArn()).contains(
                "arn:aws:ecs:us-west-2:123456789012:task-definition/durable-code-dev-backend:2");
    }

    @Test
    void aSucceedingBeforeTaskLetsTheDeployRollOutTheRevisionItRanWith() {
        int mark = f.counter.mark();

        DeployReport report = deployWithBefore("migrate", "v2");

        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(liveRevision()).endsWith("durable-code-dev-backend:2");
        assertThat(f.counter.count(f.counter.since(mark), "RegisterTaskDefinition")).isEqualTo(1);
        assertThat(f.counter.count(f.counter.since(mark), "RunTask")).isEqualTo(1);
    }

    @Test
    void aDeployThatChangesNothingRunsNoBeforeTask() {
        int mark = f.counter.mark();

        DeployReport report = deployWithBefore("migrate", "v1");

        assertThat(report.ok()).isTrue();
        assertThat(f.counter.count(f.counter.since(mark), "RunTask")).isZero();
    }
}
