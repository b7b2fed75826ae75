package dev.driftless.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftless.actions.ActionsRuntime;
import dev.driftless.engine.FakeClock;
import dev.driftless.engine.MotoNetwork;
import dev.driftless.testing.MotoServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * `driftless deploy` of the sample with frontend on a canary, against moto with ECS service deployments
 * modelled (src/test/resources/moto/service_deployments.py): an alarm during the bake is exit 1 naming it.
 */
class CanaryDeployCommandTest {
    static MotoServer moto;
    static Path alarmSwitch;

    @TempDir
    Path dir;
    Path specs;
    final FakeClock clock = new FakeClock(Instant.parse("2026-11-25T10:00:00Z"));
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void start() throws IOException {
        alarmSwitch = Files.createTempFile("moto-alarm-switch-", ".txt");
        moto = MotoServer.startLauncher("/moto/service_deployments.py", Map.of(
                "DRIFTLESS_ROLLOUTS_PY", Path.of("target/classes/moto/rollouts.py").toAbsolutePath().toString(),
                "MOTO_SD_SWITCH", alarmSwitch.toString()));
    }

    @AfterAll
    static void stop() throws IOException {
        moto.close();
        Files.deleteIfExists(alarmSwitch);
    }

    @BeforeEach
    void canarySample() throws Exception {
        Files.writeString(alarmSwitch, "");
        moto.reset();
        MotoNetwork network = MotoNetwork.create(moto);
        String sample = Files.readString(Path.of("deploy-specs/durable-code.yaml"))
                .replace("subnet-0a1b2c3d", network.subnet()).replace("sg-0c2d3e4f", network.securityGroup())
                .replace("      targetGroupArn: arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/durable-code-frontend/fedcba9876543210\n",
                        "      targetGroupArn: arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/durable-code-frontend/fedcba9876543210\n"
                        + "      alternateTargetGroupArn: arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/durable-code-frontend-green/fedcba9876543210\n"
                        + "      productionListenerRule: arn:aws:elasticloadbalancing:us-west-2:123456789012:listener-rule/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee\n"
                        + "      role: arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers\n"
                        + "    deploy:\n"
                        + "      strategy: canary\n"
                        + "      canary: { percent: 10, wait: 5m }\n"
                        + "      bakeTime: 10m\n"
                        + "      alarms: [api-5xx, api-p99]\n");
        assertThat(sample).contains("strategy: canary");
        specs = dir.resolve("durable-code.yaml");
        Files.writeString(specs, sample);
        try (EcsClient ecs = EcsClient.builder().endpointOverride(URI.create(moto.endpoint())).region(Region.US_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            ecs.createCluster(r -> r.clusterName("durable-code-dev").capacityProviders("FARGATE", "FARGATE_SPOT"));
        }
    }

    int run(String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ENDPOINT_URL", moto.endpoint());
        env.put("AWS_ACCESS_KEY_ID", "testing");
        env.put("AWS_SECRET_ACCESS_KEY", "testing");
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_OUTPUT", dir.resolve("output").toString());
        env.put("GITHUB_STEP_SUMMARY", dir.resolve("summary.md").toString());
        env.put("GITHUB_WORKSPACE", dir.toString());
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--specs", specs.toString(), "--env", "dev", "--service", "frontend", "--no-tracker"));
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        return Main.run(all.toArray(String[]::new),
                new CommandContext(env, o, e, clock, clock.sleeper(), new ActionsRuntime(env, o, e)));
    }

    @Test
    void anAlarmDuringTheBakeIsExitOneNamingTheAlarm() throws Exception {
        assertThat(run("deploy", "--image-tag", "v1")).as(out + "\n" + err).isZero();
        Files.writeString(alarmSwitch, "api-5xx");

        int code = run("deploy", "--image-tag", "v2");

        String all = out + "\n" + err;
        assertThat(code).as(all).isEqualTo(1);
        assertThat(all).contains("frontend: canary · stage BAKE_TIME")
                .contains("alarm api-5xx went to ALARM")
                .contains("frontend: failed, rolled back (canary 10% for 5m, then all — rolled back in BAKE_TIME)");
        assertThat(Files.readString(dir.resolve("summary.md"))).contains("rolled back in BAKE_TIME");
    }
}
