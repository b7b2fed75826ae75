package dev.driftless.plan;

import dev.driftless.spec.CostSettings;
import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.EnvironmentSpec;
import dev.driftless.spec.Schedule;
import dev.driftless.spec.ServiceOverride;
import dev.driftless.spec.ServiceSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/** The sample spec for tests outside this package. */
public final class SampleSpecsAccess {
    private SampleSpecsAccess() {
    }

    public static DeploySpec durableCode() {
        return SampleSpecs.durableCode();
    }

    public static DeploySpec durableCode(CostSettings cost, String region) {
        return SampleSpecs.durableCode(cost, region);
    }

    /** The same spec with prod's backend at another size and count (e.g. what runs live before a change). */
    public static DeploySpec withProdBackendAt(DeploySpec spec, int cpu, int memory, int desired) {
        ServiceSpec b = spec.services().get("backend");
        Map<String, ServiceSpec> services = new LinkedHashMap<>(spec.services());
        services.put("backend", new ServiceSpec(b.name(), b.image(), b.cpu(), b.memory(), b.architecture(), b.port(),
                b.command(), b.environment(), b.secrets(), b.healthCheck(), b.loadBalancer(), b.desiredCount(),
                b.autoscaling(), Map.of("prod", new ServiceOverride(cpu, memory, desired, Map.of(), Map.of(), null))));
        return new DeploySpec(spec.file(), spec.apiVersion(), spec.kind(), spec.name(), spec.account(), spec.region(),
                spec.tags(), spec.budget(), spec.cost(), spec.tracker(), spec.deploy(), spec.environments(), services,
                spec.roles(), spec.logs(), spec.test());
    }

    /** The same spec with dev's schedule replaced (null: no schedule, always on). */
    public static DeploySpec withDevSchedule(DeploySpec spec, Schedule schedule) {
        Map<String, EnvironmentSpec> envs = new LinkedHashMap<>(spec.environments());
        EnvironmentSpec dev = envs.get("dev");
        envs.put("dev", new EnvironmentSpec(dev.name(), dev.cluster(), dev.role(), dev.capacity(), dev.network(), schedule,
                dev.timeout(), dev.url()));
        return new DeploySpec(spec.file(), spec.apiVersion(), spec.kind(), spec.name(), spec.account(), spec.region(),
                spec.tags(), spec.budget(), spec.cost(), spec.tracker(), spec.deploy(), envs, spec.services(), spec.roles(),
                spec.logs(), spec.test());
    }
}
