package dev.driftless.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.driftless.actions.ActionsRuntime;
import dev.driftless.aws.EcsLiveStateReader;
import dev.driftless.engine.FakeClock;
import dev.driftless.engine.MotoNetwork;
import dev.driftless.engine.Planner;
import dev.driftless.plan.ImageRef;
import dev.driftless.plan.Plan;
import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.SpecLoader;
import dev.driftless.testing.MotoServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
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
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * {@code driftless deploy} and {@code rollback} as the runner runs them, in-process: the shipped sample spec
 * (with moto's network ids), moto patched to model rollouts, WireMock in front to count calls and fake rollouts.
 */
class DeployCommandTest {
    static final String ECS = "AmazonEC2ContainerServiceV20141113.";
    static MotoServer moto;
    static WireMockServer wire;

    @TempDir
    Path dir;
    Path specs;
    final FakeClock clock = new FakeClock(Instant.parse("2026-11-25T10:00:00Z"));
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void start() {
        moto = MotoServer.startLauncher("/moto/rollouts.py", Map.of());
        wire = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wire.start();
    }

    @AfterAll
    static void stop() {
        wire.stop();
        moto.close();
    }

    @BeforeEach
    void sampleSpecAgainstAFreshMoto() throws Exception {
        moto.reset();
        wire.resetAll();
        wire.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(moto.endpoint())));
        MotoNetwork network = MotoNetwork.create(moto);
        String sample = Files.readString(Path.of("deploy-specs/durable-code.yaml"))
                .replace("subnet-0a1b2c3d", network.subnet()).replace("sg-0c2d3e4f", network.securityGroup());
        specs = dir.resolve("durable-code.yaml");
        Files.writeString(specs, sample);
        try (EcsClient ecs = ecs(moto.endpoint())) {
            ecs.createCluster(r -> r.clusterName("durable-code-dev").capacityProviders("FARGATE", "FARGATE_SPOT"));
        }
    }

    static EcsClient ecs(String endpoint) {
        return EcsClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    static ApplicationAutoScalingClient autoScaling(String endpoint) {
        return ApplicationAutoScalingClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    final Map<String, String> extraEnv = new HashMap<>();

    Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ENDPOINT_URL", wire.baseUrl());
        env.put("AWS_ACCESS_KEY_ID", "testing");
        env.put("AWS_SECRET_ACCESS_KEY", "testing");
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_OUTPUT", dir.resolve("output").toString());
        env.put("GITHUB_STEP_SUMMARY", dir.resolve("summary.md").toString());
        env.put("GITHUB_WORKSPACE", dir.toString());
        env.putAll(extraEnv);
        return env;
    }

    int run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--specs", specs.toString(), "--env", "dev"));
        Map<String, String> env = env();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        return Main.run(all.toArray(String[]::new),
                new CommandContext(env, o, e, clock, clock.sleeper(), new ActionsRuntime(env, o, e)));
    }

    String file(String name) throws Exception {
        Path p = dir.resolve(name);
        return Files.exists(p) ? Files.readString(p) : "";
    }

    /** The AWS operations WireMock saw, in order: X-Amz-Target's operation, or the query Action (STS). */
    static List<String> operations() {
        List<LoggedRequest> requests = new ArrayList<>(wire.getAllServeEvents().stream().map(s -> s.getRequest()).toList());
        requests.sort(java.util.Comparator.comparing(LoggedRequest::getLoggedDate));
        return requests.stream().map(r -> {
            String target = r.getHeader("X-Amz-Target");
            if (target != null) {
                return target.substring(target.indexOf('.') + 1);
            }
            String body = r.getBodyAsString();
            int a = body.indexOf("Action=");
            return a < 0 ? r.getUrl() : body.substring(a + 7).split("&")[0];
        }).toList();
    }

    DeploySpec loadSpec() throws Exception {
        return SpecLoader.loadAll(SpecFiles.read(specs)).get(0).spec();
    }

    @Test
    void deployingTheSampleCreatesItsServicesAndAPlanAfterwardsShowsZeroChanges() throws Exception {
        int code = run("deploy", "--image-tag", "v1");

        assertThat(code).as(err.toString()).isZero();
        assertThat(file("output")).contains("task-definition-arns").contains("durable-code-dev-backend:1")
                .contains("durable-code-dev-frontend:1").containsPattern("deployed<<[^\\n]+\\ntrue");
        assertThat(file("summary.md")).contains("Deploy durable-code → dev").contains("| backend | created |")
                .contains("| frontend | created |");
        try (ApplicationAutoScalingClient aas = autoScaling(moto.endpoint()); EcsClient ecs = ecs(moto.endpoint())) {
            var target = aas.describeScalableTargets(r -> r.serviceNamespace("ecs")).scalableTargets();
            assertThat(target).singleElement().satisfies(t -> {
                assertThat(t.resourceId()).isEqualTo("service/durable-code-dev/backend");
                assertThat(t.minCapacity()).isEqualTo(1);
                assertThat(t.maxCapacity()).isEqualTo(3);
            });
            assertThat(aas.describeScalingPolicies(r -> r.serviceNamespace("ecs")).scalingPolicies())
                    .extracting(p -> p.targetTrackingScalingPolicyConfiguration().predefinedMetricSpecification()
                            .predefinedMetricTypeAsString() + "=" + p.targetTrackingScalingPolicyConfiguration().targetValue())
                    .containsExactlyInAnyOrder("ECSServiceAverageCPUUtilization=60.0", "ECSServiceAverageMemoryUtilization=70.0");

            Plan plan = new Planner(new EcsLiveStateReader(ecs, aas)).plan(loadSpec(), "dev", List.of(),
                    s -> new ImageRef.Tag("v1"), "tag v1", Instant.now());
            assertThat(plan.services()).allSatisfy(s -> assertThat(s.changes()).as(s.service()).isEmpty());
            assertThat(plan.hasChanges()).isFalse();
        }
    }

    @Test
    void deploysAndRollbacksAreRecordedInTheWorkspaceTrackerWithTheirHistory() throws Exception {
        Path tracker = dir.resolve("planning/deployment/PROGRESS_TRACKER.md");
        Files.createDirectories(tracker.getParent());
        try (var in = getClass().getResourceAsStream("/tracker/PROGRESS_TRACKER.md")) {
            Files.write(tracker, in.readAllBytes());
        }
        extraEnv.put("GITHUB_SHA", "abc1234def567890abc1234def567890abc12345");

        assertThat(run("deploy", "--image-tag", "v1")).isZero();
        assertThat(run("deploy", "--image-tag", "v1")).as("nothing changed: not history").isZero();
        assertThat(run("deploy", "--image-tag", "v2", "--service", "backend")).isZero();
        assertThat(run("rollback", "--to", "previous", "--service", "backend")).as(err.toString()).isZero();

        String text = Files.readString(tracker);
        assertThat(text).contains("**Infrastructure State**: 🟡 durable-code dev: rolled back backend to previous")
                .contains("- [x] Backend ECS service deployed").contains("- [x] Frontend ECS service deployed")
                .contains("- [x] Rollback testing completed")
                .contains("- driftless: deployed durable-code dev at abc1234 (backend, frontend), 2/2 healthy");
        var history = dev.driftless.tracker.HistoryBlock.parse(text).entries();
        assertThat(history).extracting(h -> h.kind() + " " + h.service() + " " + h.taskDefinition().replaceAll(".*/", ""))
                .containsExactly("rollback backend durable-code-dev-backend:1", "deploy backend durable-code-dev-backend:2",
                        "deploy backend durable-code-dev-backend:1", "deploy frontend durable-code-dev-frontend:1");
        assertThat(history).allSatisfy(h -> assertThat(h.result()).isEqualTo("success"));
    }

    @Test
    void aSecondDeployOfTheSameImageRegistersNothingAndUpdatesNothing() {
        assertThat(run("deploy", "--image-tag", "v1")).isZero();
        wire.resetRequests();

        assertThat(run("deploy", "--image-tag", "v1")).isZero();

        assertThat(operations()).doesNotContain("RegisterTaskDefinition", "UpdateService", "CreateService", "TagResource")
                .filteredOn("DescribeServices"::equals).hasSize(1);
        assertThat(out.toString()).contains("backend: unchanged").contains("frontend: unchanged");
    }

    @Test
    void aOneServiceImageDeployMakesOnlyTheseCalls() {
        assertThat(run("deploy", "--image-tag", "v1")).isZero();
        wire.resetRequests();

        assertThat(run("deploy", "--image-tag", "v2", "--service", "frontend")).isZero();

        // frontend has no autoscaling, so its scalable target is not read: read the service (its ARN names the
        // account, so the guard asks STS nothing), take the environment's lease (read, write, read back),
        // register, update, poll, record the deploy in the service's tags (UpdateService cannot carry tags),
        // give the lease back; revision 2 of 10 retained lists nothing
        assertThat(operations()).containsExactly("DescribeServices",
                "DescribeClusters", "TagResource", "DescribeClusters",
                "RegisterTaskDefinition", "UpdateService", "DescribeServices", "TagResource",
                "DescribeClusters", "UntagResource");
    }

    @Test
    void beyondRetainADeployDeregistersTheOneRevisionItPushedOutWithoutListingTheFamily() throws Exception {
        Files.writeString(specs, Files.readString(specs).replace("retain: 10", "retain: 2"));
        assertThat(run("deploy", "--image-tag", "v1")).isZero();
        assertThat(run("deploy", "--image-tag", "v2", "--service", "frontend")).isZero();
        wire.resetRequests();

        assertThat(run("deploy", "--image-tag", "v3", "--service", "frontend")).isZero();

        // the lease (#18) brackets the writes: DescribeClusters, TagResource, DescribeClusters … DescribeClusters, UntagResource
        assertThat(operations()).containsExactly("DescribeServices", "DescribeClusters", "TagResource", "DescribeClusters",
                "RegisterTaskDefinition", "UpdateService", "DescribeServices", "TagResource", "DeregisterTaskDefinition",
                "DescribeClusters", "UntagResource");
        try (EcsClient ecs = ecs(moto.endpoint())) {
            assertThat(ecs.listTaskDefinitions(r -> r.familyPrefix("durable-code-dev-frontend").status("ACTIVE"))
                    .taskDefinitionArns()).extracting(a -> a.substring(a.lastIndexOf(':') + 1)).containsExactlyInAnyOrder("2", "3");
        }
        assertThat(err.toString()).contains("deregistered durable-code-dev-frontend:1 (keeping the newest 2)");
    }

    @Test
    void aFirstDeployThatCreatesTheServiceAsksStsForTheAccountBeforeItsFirstWrite() {
        assertThat(run("deploy", "--image-tag", "v1", "--service", "frontend")).isZero();

        List<String> calls = operations();
        // nothing read names the account (the service does not exist yet), so the guard asks STS before the
        // first write, the lease's tag on the cluster
        assertThat(calls.subList(0, calls.indexOf("RegisterTaskDefinition")))
                .containsExactly("DescribeServices", "GetCallerIdentity", "DescribeClusters", "TagResource", "DescribeClusters");
        assertThat(calls).contains("CreateService").doesNotContain("ListTaskDefinitions");
    }

    @Test
    void theGuardFromAReadArnRefusesAnotherAccountBeforeAnyWrite() throws Exception {
        assertThat(run("deploy", "--image-tag", "v1")).isZero();
        // the same spec written for another account (its role and ARNs too, so it validates)
        Files.writeString(specs, Files.readString(specs).replace("123456789012", "210987654321"));
        wire.resetRequests();

        int code = run("deploy", "--image-tag", "v2", "--service", "frontend");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("refusing to act: the credentials are for AWS account 123456789012")
                .contains("allows only account 210987654321");
        assertThat(operations()).containsExactly("DescribeServices");
    }

    @Test
    void aCircuitBreakerRollbackExitsOneWithTheStoppedTasksReasonsInTheSummary() throws Exception {
        assertThat(run("deploy", "--image-tag", "v1")).isZero();
        String td = "arn:aws:ecs:us-west-2:123456789012:task-definition/durable-code-dev-frontend:";
        wire.stubFor(post(anyUrl()).atPriority(1).withHeader("X-Amz-Target", equalTo(ECS + "UpdateService"))
                .inScenario("cb").whenScenarioStateIs(STARTED).willSetStateTo("updated")
                .willReturn(aResponse().proxiedFrom(moto.endpoint())));
        wire.stubFor(post(anyUrl()).atPriority(1).withHeader("X-Amz-Target", equalTo(ECS + "UpdateService"))
                .inScenario("cb").whenScenarioStateIs("updated").willSetStateTo("rolled back")
                .willReturn(aResponse().proxiedFrom(moto.endpoint())));
        wire.stubFor(post(anyUrl()).atPriority(1).withHeader("X-Amz-Target", equalTo(ECS + "DescribeServices"))
                .inScenario("cb").whenScenarioStateIs("updated").willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/x-amz-json-1.1").withBody(
                        "{\"services\":[{\"serviceName\":\"frontend\",\"serviceArn\":\"arn:aws:ecs:us-west-2:123456789012:"
                        + "service/durable-code-dev/frontend\",\"status\":\"ACTIVE\",\"desiredCount\":1,\"runningCount\":1,"
                        + "\"taskDefinition\":\"" + td + "1\",\"deployments\":["
                        + "{\"id\":\"ecs-svc/2\",\"status\":\"PRIMARY\",\"taskDefinition\":\"" + td + "2\",\"desiredCount\":1,"
                        + "\"runningCount\":0,\"failedTasks\":2,\"rolloutState\":\"FAILED\",\"rolloutStateReason\":"
                        + "\"ECS deployment circuit breaker: tasks failed to start.\"},"
                        + "{\"id\":\"ecs-svc/1\",\"status\":\"ACTIVE\",\"taskDefinition\":\"" + td + "1\",\"desiredCount\":1,"
                        + "\"runningCount\":1,\"rolloutState\":\"COMPLETED\"}],\"events\":[],\"tags\":[]}],\"failures\":[]}")));
        wire.stubFor(post(anyUrl()).atPriority(1).withHeader("X-Amz-Target", equalTo(ECS + "ListTasks"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"taskArns\":[\"arn:aws:ecs:us-west-2:123456789012:task/durable-code-dev/9a8b7c\"]}")));
        wire.stubFor(post(anyUrl()).atPriority(1).withHeader("X-Amz-Target", equalTo(ECS + "DescribeTasks"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"tasks\":[{\"taskArn\":\"arn:aws:ecs:us-west-2:123456789012:task/durable-code-dev/9a8b7c\","
                                + "\"stoppedReason\":\"ResourceInitializationError: unable to pull secrets or registry auth\","
                                + "\"containers\":[{\"name\":\"frontend\",\"exitCode\":1}]}],\"failures\":[]}")));

        int code = run("deploy", "--image-tag", "v2", "--service", "frontend");

        assertThat(code).isEqualTo(1);
        String summary = file("summary.md");
        assertThat(summary).contains("❌ Deploy durable-code → dev").contains("failed, rolled back")
                .contains("ResourceInitializationError: unable to pull secrets or registry auth")
                .contains("frontend: exit code 1").contains("circuit breaker");
        assertThat(file("output")).containsPattern("rolled-back<<[^\\n]+\\ntrue").containsPattern("deployed<<[^\\n]+\\nfalse");
        assertThat(out.toString()).contains("::error::frontend: failed, rolled back");
        assertThat(clusterTags()).as("the lease is given back after a failure too").doesNotContainKey("driftless:lease");
    }

    @Test
    void rollbackToAMissingTargetIsAClearErrorAndChangesNothing() {
        assertThat(run("deploy", "--image-tag", "v1")).isZero();
        wire.resetRequests();

        int code = run("rollback", "--to", "image:v9", "--service", "backend");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("backend: no ACTIVE revision of durable-code-dev-backend matches image:v9")
                .contains("candidates: revision:1 (image v1)").contains("nothing was changed");
        assertThat(operations()).doesNotContain("UpdateService", "TagResource");
    }

    @Test
    void aBadRollbackTargetIsAUsageError() {
        assertThat(run("rollback", "--to", "yesterday")).isEqualTo(2);
        assertThat(err.toString()).contains("--to 'yesterday' is not previous, revision:N");
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> badImageInput() {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of(new String[] {"--images", "{bad"}, 2,
                        "--images is not a JSON object of service to image"),
                org.junit.jupiter.params.provider.Arguments.of(new String[] {"--images", "[\"a\"]"}, 2,
                        "--images is not a JSON object of service to image"),
                org.junit.jupiter.params.provider.Arguments.of(new String[] {"--images", "{\"backend\":5}"}, 2,
                        "--images: the image for backend is 5, not a string"),
                org.junit.jupiter.params.provider.Arguments.of(new String[] {"--images", "{\"backend\":\"not an image\"}"}, 1,
                        "--images: the image for backend (not an image) is not <uri>@sha256:<digest> or <uri>:<tag>"),
                org.junit.jupiter.params.provider.Arguments.of(new String[] {"--images", "{\"worker\":\"r:1\"}"}, 1,
                        "--images names service worker, which"),
                org.junit.jupiter.params.provider.Arguments.of(new String[] {"--image-tag", "bad!tag"}, 2,
                        "--image-tag: 'bad!tag' is not an image tag"),
                org.junit.jupiter.params.provider.Arguments.of(new String[] {"--image-tag", "v1", "--service", "worker"}, 1,
                        "no service 'worker'"),
                org.junit.jupiter.params.provider.Arguments.of(new String[] {"--image-tag", "v1", "--images", "{}"}, 1,
                        "both --images and --image-tag given"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("badImageInput")
    void badImageInputIsOneClearMessageBeforeAnyAwsCall(String[] args, int exit, String message) {
        List<String> all = new ArrayList<>(List.of("deploy"));
        all.addAll(List.of(args));

        int code = run(all.toArray(String[]::new));

        assertThat(code).isEqualTo(exit);
        assertThat(err.toString()).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(operations()).isEmpty();
    }

    /** One deploy run as one workflow run: its own run id, streams and sleeper (the clock is shared). */
    int runAs(String runId, dev.driftless.engine.Sleeper sleeper, ByteArrayOutputStream errors, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--specs", specs.toString(), "--env", "dev"));
        Map<String, String> env = env();
        env.put("GITHUB_REPOSITORY", "acme/durable-code");
        env.put("GITHUB_RUN_ID", runId);
        env.put("GITHUB_RUN_ATTEMPT", "1");
        PrintStream o = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(errors, true, StandardCharsets.UTF_8);
        return Main.run(all.toArray(String[]::new), new CommandContext(env, o, e, clock, sleeper, new ActionsRuntime(env, o, e)));
    }

    static Map<String, String> clusterTags() {
        try (EcsClient ecs = ecs(moto.endpoint())) {
            return ecs.describeClusters(r -> r.clusters("durable-code-dev").include(
                    software.amazon.awssdk.services.ecs.model.ClusterField.TAGS)).clusters().get(0).tags().stream()
                    .collect(java.util.stream.Collectors.toMap(t -> t.key(), t -> t.value()));
        }
    }

    static final java.util.Set<String> WRITES = java.util.Set.of("RegisterTaskDefinition", "CreateService", "UpdateService",
            "TagResource", "UntagResource", "DeregisterTaskDefinition", "RegisterScalableTarget", "PutScalingPolicy");

    @Test
    void twoDeploysAtOnceOneProceedsTheOtherIsRefusedBeforeAnyWriteThenSucceedsAfterIt() throws Exception {
        assertThat(run("deploy", "--image-tag", "v1")).isZero();
        var firstHasTheLease = new java.util.concurrent.CountDownLatch(1);
        var secondIsDone = new java.util.concurrent.CountDownLatch(1);
        // the first run holds still right after writing its lease, until the second has tried
        dev.driftless.engine.Sleeper holdsStill = d -> {
            firstHasTheLease.countDown();
            secondIsDone.await();
        };
        ByteArrayOutputStream firstErr = new ByteArrayOutputStream();
        var first = java.util.concurrent.Executors.newSingleThreadExecutor().submit(
                () -> runAs("111", holdsStill, firstErr, "deploy", "--image-tag", "v2"));
        assertThat(firstHasTheLease.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        int before = wire.getAllServeEvents().size();

        ByteArrayOutputStream secondErr = new ByteArrayOutputStream();
        int second = runAs("222", clock.sleeper(), secondErr, "deploy", "--image-tag", "v3");

        List<String> secondCalls = operationsOf(wire.getAllServeEvents().subList(0, wire.getAllServeEvents().size() - before));
        secondIsDone.countDown();
        assertThat(second).isEqualTo(1);
        assertThat(secondErr.toString()).contains("another run is changing environment dev")
                .contains("held by deploy by acme/durable-code run 111 (attempt 1), taken 0s ago")
                .contains("nothing was changed").contains("driftless-dev").contains("--force");
        assertThat(secondCalls).isNotEmpty().noneMatch(WRITES::contains);
        assertThat(first.get(120, java.util.concurrent.TimeUnit.SECONDS)).as(firstErr.toString()).isZero();
        assertThat(clusterTags()).doesNotContainKey("driftless:lease");

        assertThat(runAs("222", clock.sleeper(), new ByteArrayOutputStream(), "deploy", "--image-tag", "v3")).isZero();
        try (EcsClient ecs = ecs(moto.endpoint())) {
            assertThat(ecs.describeServices(r -> r.cluster("durable-code-dev").services("backend")).services().get(0)
                    .taskDefinition()).endsWith("durable-code-dev-backend:3");
        }
    }

    /** Newest first, as WireMock lists them. */
    static List<String> operationsOf(List<com.github.tomakehurst.wiremock.stubbing.ServeEvent> events) {
        return events.stream().map(e -> e.getRequest().getHeader("X-Amz-Target")).filter(java.util.Objects::nonNull)
                .map(t -> t.substring(t.indexOf('.') + 1)).toList();
    }

    @Test
    void anExpiredLeaseIsTakenOverAndSaidSo() {
        assertThat(run("deploy", "--image-tag", "v1")).isZero();
        try (EcsClient ecs = ecs(moto.endpoint())) {
            String arn = ecs.describeClusters(r -> r.clusters("durable-code-dev")).clusters().get(0).clusterArn();
            ecs.tagResource(r -> r.resourceArn(arn).tags(software.amazon.awssdk.services.ecs.model.Tag.builder()
                    .key("driftless:lease").value("repo=acme/durable-code run=99 attempt=2 command=deploy"
                            + " since=2026-11-25T08:00:00Z expires=2026-11-25T09:10:00Z token=dead").build()));
        }

        int code = run("deploy", "--image-tag", "v2");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString() + err).contains("taking over the expired lease on durable-code-dev (deploy by"
                + " acme/durable-code run 99 (attempt 2), taken 2h ago, expired at 2026-11-25T09:10:00Z)");
        assertThat(clusterTags()).doesNotContainKey("driftless:lease");
    }

    @Test
    void aLiveLeaseIsRefusedAndForceTakesItOver() {
        assertThat(run("deploy", "--image-tag", "v1")).isZero();
        try (EcsClient ecs = ecs(moto.endpoint())) {
            String arn = ecs.describeClusters(r -> r.clusters("durable-code-dev")).clusters().get(0).clusterArn();
            ecs.tagResource(r -> r.resourceArn(arn).tags(software.amazon.awssdk.services.ecs.model.Tag.builder()
                    .key("driftless:lease").value("repo=acme/durable-code run=98 attempt=1 command=rollback"
                            + " since=2026-11-25T09:55:00Z expires=2026-11-25T11:00:00Z token=alive").build()));
        }
        wire.resetRequests();

        assertThat(run("deploy", "--image-tag", "v2")).isEqualTo(1);
        assertThat(err.toString()).contains("held by rollback by acme/durable-code run 98 (attempt 1), taken 5m ago");
        assertThat(operations()).noneMatch(WRITES::contains);

        assertThat(run("deploy", "--image-tag", "v2", "--force")).as(err.toString()).isZero();
        assertThat(out.toString() + err).contains("--force: taking over the lease on durable-code-dev from rollback by"
                + " acme/durable-code run 98");
        assertThat(clusterTags()).doesNotContainKey("driftless:lease");
    }
}
