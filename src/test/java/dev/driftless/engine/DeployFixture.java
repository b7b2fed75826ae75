package dev.driftless.engine;

import dev.driftless.aws.EcsLiveStateReader;
import dev.driftless.aws.EcsServiceWriter;
import dev.driftless.aws.EcsStoppedTaskReader;
import dev.driftless.aws.EcsTaskDefinitionStore;
import dev.driftless.spec.Capacity;
import dev.driftless.spec.DeploySettings;
import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.EnvironmentSpec;
import dev.driftless.spec.HealthCheck;
import dev.driftless.spec.ImageSpec;
import dev.driftless.spec.LoadBalancer;
import dev.driftless.spec.Logs;
import dev.driftless.spec.Network;
import dev.driftless.spec.Roles;
import dev.driftless.spec.ServiceSpec;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * Deploy's engine wired to one endpoint (moto, or WireMock in front of it) with SDK clients that count
 * every call, a fake clock, and the sample application as records.
 */
final class DeployFixture implements AutoCloseable {
    static final String CLUSTER = "durable-code-dev";

    final CallCounter counter = new CallCounter();
    final FakeClock clock = new FakeClock(Instant.parse("2026-11-25T10:00:00Z"));
    final RecordingProgress progress = new RecordingProgress();
    final EcsClient ecs;
    final ApplicationAutoScalingClient autoScaling;

    DeployFixture(String endpoint) {
        ecs = EcsClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(counter)).build();
        autoScaling = ApplicationAutoScalingClient.builder().endpointOverride(URI.create(endpoint)).region(Region.US_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(counter)).build();
    }

    void createCluster() {
        ecs.createCluster(r -> r.clusterName(CLUSTER).capacityProviders("FARGATE", "FARGATE_SPOT"));
    }

    EcsLiveStateReader reader() {
        return new EcsLiveStateReader(ecs, autoScaling);
    }

    RolloutWaiter waiter() {
        return new RolloutWaiter(reader(), new EcsStoppedTaskReader(ecs), clock, clock.sleeper(), progress,
                Duration.ofSeconds(15), 4);
    }

    /** Set by tests against a launcher that models ECS service deployments: deploy and rollback then follow them. */
    boolean followServiceDeployments;

    ServiceDeploymentWaiter serviceDeploymentWaiter() {
        return followServiceDeployments ? new ServiceDeploymentWaiter(new dev.driftless.aws.EcsServiceDeployments(ecs),
                clock, clock.sleeper(), progress, Duration.ofSeconds(15)) : null;
    }

    Deployer deployer() {
        return new Deployer(new EcsTaskDefinitionStore(ecs, dev.driftless.aws.RetryPolicy.DEFAULT, clock.sleeper()),
                new EcsServiceWriter(ecs, dev.driftless.aws.RetryPolicy.DEFAULT, clock.sleeper()),
                new dev.driftless.aws.AppAutoScalingTargets(autoScaling), waiter(), serviceDeploymentWaiter(), progress, clock);
    }

    Rollback rollback() {
        return new Rollback(reader(), new EcsTaskDefinitionStore(ecs), new EcsServiceWriter(ecs), waiter(),
                serviceDeploymentWaiter(), progress, clock);
    }

    DeployReport rollback(List<String> services, String to) {
        return rollback().run("dev", CLUSTER, services, RollbackTarget.parse(to), false, Duration.ofMinutes(20));
    }

    DeployReport deploy(DeploySpec spec, ImageSelection images, DeployOptions options, List<String> services, boolean resume) {
        List<ServiceStep> steps = new DeployPlanner(spec, reader()).plan("dev", services, images, resume);
        return deployer().apply("dev", CLUSTER, spec.resourceTags("dev"), steps, options);
    }

    DeployReport deploy(DeploySpec spec, String tag) {
        return deploy(spec, new ImageSelection(Map.of(), tag), options(false), List.of(), false);
    }

    /** A deploy of one commit: the image tag is the sha, and the sha is tagged on the revisions. */
    DeployReport deployCommit(DeploySpec spec, String sha, boolean resume) {
        return deploy(spec, new ImageSelection(Map.of(), sha),
                new DeployOptions(Duration.ofMinutes(30), false, true, false, 10, sha), List.of(), resume);
    }

    static DeployOptions options(boolean noRollback) {
        return new DeployOptions(Duration.ofMinutes(30), false, !noRollback, false, 10, "0123abc");
    }

    static DeploySpec spec(MotoNetwork network, int backendCpu, Map<String, String> backendEnv) {
        return spec(network, backendCpu, backendEnv, null, null);
    }

    static DeploySpec spec(MotoNetwork network, dev.driftless.spec.Schedule schedule) {
        return spec(network, 256, Map.of("LOG_LEVEL", "info"), null, schedule);
    }

    static DeploySpec spec(MotoNetwork network, dev.driftless.spec.Autoscaling backendAutoscaling) {
        return spec(network, 256, Map.of("LOG_LEVEL", "info"), backendAutoscaling, null);
    }

    static DeploySpec spec(MotoNetwork network, int backendCpu, Map<String, String> backendEnv,
            dev.driftless.spec.Autoscaling backendAutoscaling, dev.driftless.spec.Schedule schedule) {
        Map<String, EnvironmentSpec> envs = new LinkedHashMap<>();
        envs.put("dev", new EnvironmentSpec("dev", CLUSTER, null, new Capacity.Spot(),
                network == null ? null : new Network(List.of(network.subnet()), List.of(network.securityGroup()), false),
                schedule, Duration.ofMinutes(20), "https://dev.durable-code.example"));
        Map<String, ServiceSpec> services = new LinkedHashMap<>();
        services.put("backend", new ServiceSpec("backend",
                new ImageSpec("durable-code-backend", null, null, false, null),
                backendCpu, 512, "X86_64", 8000, List.of(), backendEnv,
                Map.of("DATABASE_URL", "arn:aws:ssm:us-west-2:123456789012:parameter/durable-code/db"),
                new HealthCheck(List.of("CMD-SHELL", "curl -fs localhost:8000/health || exit 1"), 30, 5, 3, 10),
                null, 1, backendAutoscaling, Map.of()));
        services.put("frontend", new ServiceSpec("frontend",
                new ImageSpec("durable-code-frontend", null, null, false, null),
                256, 512, "ARM64", 3000, List.of("node", "server.js"), Map.of("API_URL", "http://backend:8000"),
                Map.of(), null,
                new LoadBalancer("arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/frontend/0123456789abcdef", 3000),
                2, null, Map.of()));
        return new DeploySpec("deploy-specs/durable-code.yaml", DeploySpec.API_VERSION, DeploySpec.KIND, "durable-code",
                "123456789012", "us-west-2", Map.of("Project", "durable-code", "CostCenter", "engineering"),
                null, null, null, new DeploySettings(Duration.ofMinutes(30), 10), envs, services,
                new Roles("arn:aws:iam::123456789012:role/durable-code-exec", "arn:aws:iam::123456789012:role/durable-code-task"),
                new Logs("/ecs/durable-code", 14), null);
    }

    static DeploySpec spec(MotoNetwork network) {
        return spec(network, 256, Map.of("LOG_LEVEL", "info"));
    }

    @Override
    public void close() {
        ecs.close();
        autoScaling.close();
    }

}
