package dev.driftless.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftless.actions.ActionsRuntime;
import dev.driftless.engine.FakeClock;
import dev.driftless.testing.MotoServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;

/**
 * The acceptance path of {@code driftless init} against moto: eight services created with the aws CLI from
 * task definitions written the way teams write them (src/test/resources/init/live) → init → validate → plan
 * shows no change → deploy registers nothing and only tags; one edited field → exactly one change; a new
 * image → one new revision that still has the EFS volume, the 50 GiB, the sidecar and the port names.
 * The tests run in order on one moto: each builds on the state the one before left.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InitMotoTest {
    private static final List<String> SERVICES = List.of("web", "api", "worker", "files", "gateway", "collector", "admin", "jobs");
    private static MotoServer moto;
    @TempDir
    static Path dir;
    private static Path spec;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void createTheServicesWithTheAwsCli() throws Exception {
        moto = MotoServer.startLauncher("/moto/rollouts.py", Map.of());
        Path script = Path.of("src/test/resources/init/create-services.sh");
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        pb.environment().putAll(moto.awsEnvironment());
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(log).isZero();
        spec = dir.resolve("deploy-specs/shop.yaml");
    }

    @AfterAll
    static void stop() {
        moto.close();
    }

    private int run(String... args) {
        Map<String, String> env = new HashMap<>(moto.awsEnvironment());
        env.put("GITHUB_OUTPUT", dir.resolve("output").toString());
        env.put("GITHUB_STEP_SUMMARY", dir.resolve("summary.md").toString());
        env.put("RUNNER_TEMP", dir.toString());
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        FakeClock clock = new FakeClock(Instant.parse("2026-11-25T16:00:00Z"));
        out.reset();
        err.reset();
        return Main.run(args, new CommandContext(env, o, e, clock, clock.sleeper(), new ActionsRuntime(env, o, e)));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private JsonNode planJson(Path specFile) throws IOException {
        int code = run("plan", "--specs", specFile.toString(), "--env", "prod", "--json", "--keep-live-image",
                "--at", "2026-11-25T16:00:00Z");
        assertThat(code).as(err()).isIn(0, 2);
        JsonNode json = new ObjectMapper().readTree(out());
        assertThat(json.path("services").size()).as(out() + err()).isEqualTo(SERVICES.size());
        return json;
    }

    private static List<String> changes(JsonNode plan) {
        List<String> found = new ArrayList<>();
        plan.path("services").forEach(s -> s.path("changes").forEach(c -> found.add(s.path("service").asText() + " "
                + c.path("group").asText() + ":" + c.path("field").asText())));
        return found;
    }

    private static Map<String, Integer> revisions() {
        try (EcsClient ecs = DeployCommandTest.ecs(moto.endpoint())) {
            Map<String, Integer> count = new TreeMap<>();
            ecs.listTaskDefinitionsPaginator(b -> b.status("ACTIVE")).taskDefinitionArns()
                    .forEach(a -> count.merge(a.substring(a.lastIndexOf('/') + 1, a.lastIndexOf(':')), 1, Integer::sum));
            return count;
        }
    }

    @Test
    @Order(1)
    void initWritesAValidSpecForEveryServiceAndNeverOverwrites() throws Exception {
        int code = run("init", "--cluster", "shop-prod", "--env", "prod", "--name", "shop", "--out", spec.toString());

        assertThat(code).as(err()).isZero();
        String text = Files.readString(spec);
        assertThat(text).startsWith("# yaml-language-server: $schema=");
        assertThat(text).contains("account: \"123456789012\"", "cluster: shop-prod", "# role: arn:aws:iam::123456789012:role/",
                "capacity: on-demand", "team: shop", "cost-center: retail", "taskFamily: shop-api", "architecture: ARM64",
                "repository: shop-api   # runs :v1.14.2 now", "autoscaling: { min: 2, max: 6, cpuPercent: 60, memoryPercent: 75 }",
                "- { containerPort: 8125, protocol: udp }", "- { containerPort: 9090, name: metrics, appProtocol: http }",
                "DB_PASSWORD: \"arn:aws:ssm:us-west-2:123456789012:parameter/shop/prod/db-password\"");
        for (String s : SERVICES) {
            assertThat(text).contains("\n  " + s + ":\n");
        }
        assertThat(run("validate", "--specs", spec.toString())).as(out() + err()).isZero();

        assertThat(run("init", "--cluster", "shop-prod", "--env", "prod", "--name", "shop", "--out", spec.toString())).isEqualTo(1);
        assertThat(err()).contains("already exists; nothing was written", "--force");
        assertThat(Files.readString(spec)).isEqualTo(text);
    }

    @Test
    @Order(2)
    void nothingTheSpecCannotSayIsDroppedSilently() throws Exception {
        int code = run("init", "--cluster", "shop-prod", "--env", "prod", "--name", "shop", "--out", spec.toString(), "--force");

        assertThat(code).as(err()).isZero();
        String text = Files.readString(spec);
        String header = text.substring(0, text.indexOf("apiVersion:"));
        // what #15's spec keys can say is written as spec keys ...
        assertThat(text).as(text).contains("    ephemeralStorage: 50\n",
                "      uploads: { efs: { fileSystemId: fs-0a1b2c3d, accessPointId: fsap-0123456789abcdef0, transitEncryption: true, iam: true } }\n",
                "      - { sourceVolume: uploads, containerPath: \"/srv/uploads\" }\n",
                "    sidecars:\n      config-init:\n", "      log-router:\n",
                "        firelens: { type: fluentbit, options: {\"enable-ecs-log-metadata\":\"true\"} }\n",
                "        memoryReservation: 64\n",
                "      config-init:\n", "        logging: none\n", "    dependsOn: [{ container: config-init, condition: SUCCESS }, { container: log-router, condition: START }]\n",
                "    stopTimeout: ");
        assertThat(text).contains("    ulimits:\n      - { name: nofile");
        // ... and what no spec key can say (the main container's own entryPoint) is kept: in the header and one warning line
        assertThat(header).contains("#   jobs: container jobs entryPoint");
        assertThat(err()).contains("warning: not in the spec, kept by every deploy: jobs: container jobs entryPoint");
        assertThat(header).contains("admin: image nginx:1.25-alpine is not in this account's ECR");
        // one service with everything at once: two sidecars, a volume with mount points, 50 GiB, and linuxParameters
        // whose capabilities no key says (carried, listed, warned) beside the initProcessEnabled the spec does say
        String gateway = text.substring(text.indexOf("\n  gateway:\n"), text.indexOf("\n", text.indexOf("\n  jobs:\n") + 1));
        assertThat(gateway).as(gateway).contains("    ephemeralStorage: 50\n", "    sidecars:\n", "      config-init:\n",
                "      log-router:\n", "    linuxParameters: { initProcessEnabled: true }\n", "sourceVolume: config");
        assertThat(header).contains("#   gateway: container gateway linuxParameters");
        assertThat(header).contains("#   gateway: sidecar container config-init {\"linuxParameters\":{\"capabilities\":{\"drop\":[\"ALL\"]}}");
        assertThat(err()).contains("warning: not in the spec, kept by every deploy: gateway: container gateway linuxParameters");
    }

    @Test
    @Order(3)
    void thePlanAfterInitShowsNoChangeAndSaysAdoptTagsOnly() throws Exception {
        JsonNode plan = planJson(spec);

        assertThat(changes(plan)).isEmpty();
        assertThat(plan.path("hasChanges").asBoolean()).isFalse();
        plan.path("services").forEach(s -> assertThat(s.path("notes").toString()).contains("adopt: tags only"));
    }

    @Test
    @Order(4)
    void oneEditedFieldIsExactlyOneChange() throws Exception {
        String text = Files.readString(spec);
        Path edited = dir.resolve("edited/shop.yaml");
        Files.createDirectories(edited.getParent());
        Files.writeString(edited, text.replace("QUEUE: \"default\"", "QUEUE: \"priority\""));

        assertThat(Files.readString(edited)).contains("QUEUE: \"priority\"");
        JsonNode plan = planJson(edited);
        assertThat(changes(plan)).as(plan.toPrettyString()).containsExactly("jobs environment:QUEUE");
    }

    @Test
    @Order(5)
    void theFirstDeployRegistersNothingUpdatesNothingAndOnlyTags() throws Exception {
        Map<String, Integer> before = revisions();

        int code = run("deploy", "--specs", spec.toString(), "--env", "prod", "--no-tracker");

        assertThat(code).as(out() + err()).isZero();
        assertThat(out() + err()).contains("adopt: tags only");
        assertThat(revisions()).isEqualTo(before);
        try (EcsClient ecs = DeployCommandTest.ecs(moto.endpoint())) {
            var services = ecs.describeServices(b -> b.cluster("shop-prod").services(SERVICES).include(
                    software.amazon.awssdk.services.ecs.model.ServiceField.TAGS)).services();
            services.forEach(s -> {
                assertThat(s.taskDefinition()).endsWith(":1");
                assertThat(s.tags()).anySatisfy(t -> assertThat(t.key()).isEqualTo("driftless:spec-hash"));
            });
        }
        assertThat(changes(planJson(spec))).isEmpty();
    }

    @Test
    @Order(6)
    void aNewImageRegistersOneRevisionThatKeepsWhatTheSpecCannotSay() throws Exception {
        int code = run("deploy", "--specs", spec.toString(), "--env", "prod", "--no-tracker", "--service", "files",
                "--service", "gateway", "--service", "api", "--image-tag", "v9");

        assertThat(code).as(out() + err()).isZero();
        try (EcsClient ecs = DeployCommandTest.ecs(moto.endpoint())) {
            var files = ecs.describeTaskDefinition(b -> b.taskDefinition("shop-files:2")).taskDefinition();
            assertThat(files.ephemeralStorage().sizeInGiB()).isEqualTo(50);
            assertThat(files.volumes()).singleElement().satisfies(v ->
                    assertThat(v.efsVolumeConfiguration().fileSystemId()).isEqualTo("fs-0a1b2c3d"));
            assertThat(files.containerDefinitions().get(0).mountPoints()).singleElement()
                    .satisfies(m -> assertThat(m.containerPath()).isEqualTo("/srv/uploads"));
            assertThat(files.containerDefinitions().get(0).image()).endsWith("shop-files:v9");
            var gateway = ecs.describeTaskDefinition(b -> b.taskDefinition("shop-gateway:2").include(TaskDefinitionField.TAGS))
                    .taskDefinition();
            assertThat(gateway.containerDefinitions()).extracting(c -> c.name())
                    .containsExactlyInAnyOrder("gateway", "log-router", "config-init");
            var main = gateway.containerDefinitions().stream().filter(c -> c.name().equals("gateway")).findFirst().orElseThrow();
            assertThat(main.dependsOn()).extracting(d -> d.containerName() + ":" + d.conditionAsString())
                    .containsExactlyInAnyOrder("log-router:START", "config-init:SUCCESS");
            var init = gateway.containerDefinitions().stream().filter(c -> c.name().equals("config-init")).findFirst().orElseThrow();
            assertThat(init.logConfiguration()).as("a sidecar without logs stays without").isNull();
            assertThat(init.linuxParameters().capabilities().drop()).containsExactly("ALL");
            assertThat(init.secrets()).singleElement().satisfies(x ->
                    assertThat(x.valueFrom()).isEqualTo("arn:aws:ssm:us-west-2:123456789012:parameter/shop/prod/config-token"));
            assertThat(gateway.volumes()).extracting(v -> v.name()).containsExactly("config");
            assertThat(gateway.ephemeralStorage().sizeInGiB()).isEqualTo(50);
            var gatewayTags = ecs.describeServices(b -> b.cluster("shop-prod").services("gateway").include(
                    software.amazon.awssdk.services.ecs.model.ServiceField.TAGS)).services().get(0).tags();
            assertThat(gatewayTags).anySatisfy(t -> {
                assertThat(t.key()).isEqualTo("driftless:carried");
                assertThat(t.value()).as("what an ECS tag value may hold").matches("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{1,256}")
                        .contains("sidecar config-init linuxParameters");
            });
            assertThat(main.mountPoints()).singleElement().satisfies(m -> assertThat(m.containerPath()).isEqualTo("/etc/gateway"));
            assertThat(main.linuxParameters().initProcessEnabled()).isTrue();
            assertThat(main.linuxParameters().capabilities().add()).containsExactly("SYS_PTRACE");
            var api = ecs.describeTaskDefinition(b -> b.taskDefinition("shop-api:2")).taskDefinition();
            assertThat(api.containerDefinitions().get(0).portMappings()).anySatisfy(p -> {
                assertThat(p.name()).isEqualTo("metrics");
                assertThat(p.appProtocolAsString()).isEqualTo("http");
            });
        }
        assertThat(changes(planJson(spec))).as("the plan with the live images is clean again").isEmpty();
    }
    @Test
    @Order(7)
    void spotWrittenEitherWayAdoptsAsCapacitySpotWithNoChange() throws Exception {
        // the known false drift: FARGATE_SPOT weight 1 alone, or with FARGATE weight 0, is what `capacity: spot` renders
        try (EcsClient ecs = DeployCommandTest.ecs(moto.endpoint())) {
            var network = ecs.describeServices(b -> b.cluster("shop-prod").services("web")).services().get(0)
                    .networkConfiguration();
            ecs.createCluster(b -> b.clusterName("shop-dev").capacityProviders("FARGATE", "FARGATE_SPOT"));
            String arn = ecs.registerTaskDefinition(b -> b.family("shop-dev-web").cpu("0.25 vCPU").memory("0.5 GB")
                    .networkMode("awsvpc").requiresCompatibilitiesWithStrings("FARGATE")
                    .containerDefinitions(c -> c.name("web").image("123456789012.dkr.ecr.us-west-2.amazonaws.com/shop-web:1")
                            .secrets(x -> x.name("TOKEN").valueFrom("/shop/dev/token"))))
                    .taskDefinition().taskDefinitionArn();
            ecs.createService(b -> b.cluster("shop-dev").serviceName("web").taskDefinition(arn).desiredCount(1)
                    .networkConfiguration(network).propagateTags("SERVICE")
                    .deploymentConfiguration(d -> d.deploymentCircuitBreaker(cb -> cb.enable(true).rollback(true)))
                    .capacityProviderStrategy(p -> p.capacityProvider("FARGATE_SPOT").weight(1)));
            ecs.createService(b -> b.cluster("shop-dev").serviceName("web-b").taskDefinition(arn).desiredCount(1)
                    .networkConfiguration(network).propagateTags("SERVICE")
                    .deploymentConfiguration(d -> d.deploymentCircuitBreaker(cb -> cb.enable(true).rollback(true)))
                    .capacityProviderStrategy(p -> p.capacityProvider("FARGATE_SPOT").weight(1),
                            p -> p.capacityProvider("FARGATE").weight(0)));
        }
        Path dev = dir.resolve("dev/shop.yaml");

        assertThat(run("init", "--cluster", "shop-dev", "--env", "dev", "--name", "shop", "--out", dev.toString())).as(err()).isZero();
        String text = Files.readString(dev);
        assertThat(text).contains("capacity: spot", "TOKEN: \"arn:aws:ssm:us-west-2:123456789012:parameter/shop/dev/token\"");

        int code = run("plan", "--specs", dev.toString(), "--env", "dev", "--json", "--keep-live-image");
        assertThat(code).as(err()).isIn(0, 2);
        JsonNode plan = new ObjectMapper().readTree(out());
        assertThat(plan.path("services").size()).as(out() + err()).isEqualTo(2);
        assertThat(changes(plan)).isEmpty();
    }
}
