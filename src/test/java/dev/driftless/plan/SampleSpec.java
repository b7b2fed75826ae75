package dev.driftless.plan;

import dev.driftless.spec.Autoscaling;
import dev.driftless.spec.Capacity;
import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.EnvironmentSpec;
import dev.driftless.spec.HealthCheck;
import dev.driftless.spec.ImageSpec;
import dev.driftless.spec.LoadBalancer;
import dev.driftless.spec.Logs;
import dev.driftless.spec.Network;
import dev.driftless.spec.Roles;
import dev.driftless.spec.Schedule;
import dev.driftless.spec.ServiceOverride;
import dev.driftless.spec.ServiceSpec;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The durable-code sample application as records, with hooks to change one thing for a test. */
public final class SampleSpec {
    public static final String ACCOUNT = "123456789012";
    public static final String REGION = "us-west-2";

    private SampleSpec() {
    }

    public static DeploySpec spec() {
        return spec(UnaryOperator.identity(), UnaryOperator.identity());
    }

    public static DeploySpec spec(UnaryOperator<ServiceSpec> backend, UnaryOperator<EnvironmentSpec> dev) {
        return spec(backend, UnaryOperator.identity(), dev);
    }

    public static DeploySpec spec(UnaryOperator<ServiceSpec> backend, UnaryOperator<ServiceSpec> frontend,
                                  UnaryOperator<EnvironmentSpec> dev) {
        Map<String, EnvironmentSpec> envs = new LinkedHashMap<>();
        envs.put("dev", dev.apply(new EnvironmentSpec("dev", "durable-code-dev",
                "arn:aws:iam::123456789012:role/durable-code-deploy-dev", new Capacity.Spot(),
                new Network(List.of("subnet-0a1b"), List.of("sg-0c2d"), false),
                new Schedule(ZoneId.of("America/Los_Angeles"), List.of(new Schedule.Window(
                        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(20, 0)))),
                null, null)));
        envs.put("prod", new EnvironmentSpec("prod", "durable-code-prod", null, new Capacity.OnDemand(),
                new Network(List.of("subnet-0e1f"), List.of("sg-0a2b"), false), null, null, "https://durable-code.example"));
        Map<String, ServiceSpec> services = new LinkedHashMap<>();
        services.put("backend", backend.apply(backend()));
        services.put("frontend", frontend.apply(frontend()));
        return new DeploySpec("deploy-specs/durable-code.yaml", DeploySpec.API_VERSION, DeploySpec.KIND, "durable-code",
                ACCOUNT, REGION, Map.of("Project", "durable-code", "CostCenter", "engineering"),
                null, null, null, null, envs, services,
                new Roles("arn:aws:iam::123456789012:role/durable-code-exec", "arn:aws:iam::123456789012:role/durable-code-task"),
                new Logs("/ecs/durable-code", 14), null);
    }

    public static ServiceSpec backend() {
        return new ServiceSpec("backend",
                new ImageSpec("durable-code-backend", new ImageSpec.BuildSpec("app", "Dockerfile.backend", null, null), null, false, null),
                256, 512, "X86_64", 8000, List.of(),
                Map.of("LOG_LEVEL", "info", "PORT", "8000"),
                Map.of("DATABASE_URL", "arn:aws:ssm:us-west-2:123456789012:parameter/durable-code/db"),
                new HealthCheck(List.of("CMD-SHELL", "curl -fs localhost:8000/health || exit 1"), 30, 5, 3, 10),
                null, 1, new Autoscaling(1, 3, 60, 70),
                Map.of("prod", new ServiceOverride(512, 1024, 2, Map.of("LOG_LEVEL", "warn"), Map.of(), null)));
    }

    public static ServiceSpec frontend() {
        return new ServiceSpec("frontend",
                new ImageSpec("durable-code-frontend", null, null, false, null),
                256, 512, "ARM64", 3000, List.of("node", "server.js"),
                Map.of("API_URL", "http://backend:8000"), Map.of(), null,
                new LoadBalancer("arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/frontend/0123456789abcdef", 3000),
                1, null, Map.of());
    }

    /** The backend with one field changed (records are immutable; tests rebuild). */
    public static ServiceSpec withCpuMemory(ServiceSpec s, int cpu, int memory) {
        return new ServiceSpec(s.name(), s.image(), cpu, memory, s.architecture(), s.port(), s.command(), s.environment(),
                s.secrets(), s.healthCheck(), s.loadBalancer(), s.desiredCount(), s.autoscaling(), s.overrides());
    }

    public static ServiceSpec withEnvironment(ServiceSpec s, Map<String, String> environment) {
        return new ServiceSpec(s.name(), s.image(), s.cpu(), s.memory(), s.architecture(), s.port(), s.command(), environment,
                s.secrets(), s.healthCheck(), s.loadBalancer(), s.desiredCount(), s.autoscaling(), s.overrides());
    }

    public static ServiceSpec withDesiredCount(ServiceSpec s, int desiredCount) {
        return new ServiceSpec(s.name(), s.image(), s.cpu(), s.memory(), s.architecture(), s.port(), s.command(), s.environment(),
                s.secrets(), s.healthCheck(), s.loadBalancer(), desiredCount, s.autoscaling(), s.overrides());
    }

    public static EnvironmentSpec withSchedule(EnvironmentSpec e, Schedule schedule) {
        return new EnvironmentSpec(e.name(), e.cluster(), e.role(), e.capacity(), e.network(), schedule, e.timeout(), e.url());
    }

    public static EnvironmentSpec withCapacity(EnvironmentSpec e, Capacity capacity) {
        return new EnvironmentSpec(e.name(), e.cluster(), e.role(), capacity, e.network(), e.schedule(), e.timeout(), e.url());
    }
}
