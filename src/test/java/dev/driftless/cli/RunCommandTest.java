package dev.driftless.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftless.actions.ActionsRuntime;
import dev.driftless.engine.FakeClock;
import dev.driftless.engine.MotoNetwork;
import dev.driftless.testing.MotoServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.EcsClient;

/** {@code driftless run --task} in-process against moto with the test task lifecycle (src/test/resources/moto/tasks.py). */
class RunCommandTest {
    static MotoServer moto;

    @TempDir
    Path dir;
    Path specs;
    final FakeClock clock = new FakeClock(Instant.parse("2026-11-25T10:00:00Z"));
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void start() throws Exception {
        Path rollouts = Files.createTempFile("rollouts-", ".py");
        try (InputStream in = RunCommandTest.class.getResourceAsStream("/moto/rollouts.py")) {
            Files.write(rollouts, in.readAllBytes());
        }
        rollouts.toFile().deleteOnExit();
        moto = MotoServer.startLauncher("/moto/tasks.py", Map.of("ROLLOUTS_PY", rollouts.toString()));
    }

    @AfterAll
    static void stop() {
        moto.close();
    }

    @BeforeEach
    void deployedService() throws Exception {
        moto.reset();
        MotoNetwork network = MotoNetwork.create(moto);
        specs = dir.resolve("app.yaml");
        Files.writeString(specs, """
                apiVersion: driftless/v1
                kind: Application
                name: app
                account: "123456789012"
                region: us-west-2
                environments:
                  dev:
                    cluster: app-dev
                    network: { subnets: [%s], securityGroups: [%s] }
                logs: { group: /ecs/app }
                services:
                  api:
                    image: { repository: app-api }
                    cpu: 256
                    memory: 512
                tasks:
                  migrate: { service: api, command: [sh, -c, "./manage migrate; exit 0"] }
                  broken: { service: api, command: [sh, -c, "::add-mask::x; exit 3"] }
                """.formatted(network.subnet(), network.securityGroup()));
        try (EcsClient ecs = DeployCommandTest.ecs(moto.endpoint())) {
            ecs.createCluster(r -> r.clusterName("app-dev").capacityProviders("FARGATE", "FARGATE_SPOT"));
        }
        assertThat(run("deploy", "--image-tag", "v1")).as(err.toString()).isZero();
        out.reset();
        err.reset();
    }

    int run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--specs", specs.toString(), "--env", "dev"));
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ENDPOINT_URL", moto.endpoint());
        env.put("AWS_ACCESS_KEY_ID", "testing");
        env.put("AWS_SECRET_ACCESS_KEY", "testing");
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_OUTPUT", dir.resolve("output").toString());
        env.put("GITHUB_STEP_SUMMARY", dir.resolve("summary.md").toString());
        env.put("GITHUB_WORKSPACE", dir.toString());
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        return Main.run(all.toArray(String[]::new),
                new CommandContext(env, o, e, clock, clock.sleeper(), new ActionsRuntime(env, o, e)));
    }

    @Test
    void aTaskThatExitsZeroExitsZeroWithItsOutputs() throws Exception {
        int code = run("run", "--task", "migrate", "--image-tag", "v1");

        assertThat(code).as(err.toString() + out).isZero();
        assertThat(out.toString()).contains("task migrate succeeded: exit code 0 (Essential container in task exited)");
        assertThat(Files.readString(dir.resolve("output"))).contains("task-arn").contains("task/app-dev/")
                .containsPattern("exit-code<<[^\\n]+\\n0\\n");
    }

    @Test
    void aTaskThatExitsThreeFailsWithTheExitCodeAndTheLogTailInAGroup() throws Exception {
        int code = run("run", "--task", "broken", "--image-tag", "v1");

        String all = out.toString() + err;
        assertThat(code).isEqualTo(1);
        assertThat(all).contains("task broken failed: exit code 3");
        assertThat(all).contains("::group::log tail of task broken").contains("exit 3").contains("::endgroup::");
        // the task's own output never reaches the runner as a workflow command
        assertThat(all).doesNotContain("::add-mask::x").contains("$ sh -c :\u200B:add-mask:\u200B:x; exit 3");
        assertThat(Files.readString(dir.resolve("output"))).containsPattern("exit-code<<[^\\n]+\\n3\\n");
    }

    @Test
    void aDryRunSaysWhatWouldRunAndStartsNothing() {
        int code = run("run", "--task", "migrate", "--image-tag", "v1", "--dry-run");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("dry run: would run task migrate of api");
        try (EcsClient ecs = DeployCommandTest.ecs(moto.endpoint())) {
            assertThat(ecs.listTasks(r -> r.cluster("app-dev")).taskArns()).isEmpty();
        }
    }

    @Test
    void anUnknownTaskIsRefusedWithTheClosestName() {
        int code = run("run", "--task", "migrat", "--image-tag", "v1");

        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("no task 'migrat'").contains("did you mean 'migrate'?");
    }
}
