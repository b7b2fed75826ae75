package dev.driftless.plan;

import dev.driftless.spec.Budget;
import dev.driftless.spec.Capacity;
import dev.driftless.spec.CostSettings;
import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.EnvironmentSpec;
import dev.driftless.spec.Schedule;
import dev.driftless.spec.ServiceOverride;
import dev.driftless.spec.ServiceSpec;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * The design's sample application (durable-code) as records: dev on Spot, weekdays 08:00–20:00
 * America/Los_Angeles; prod on demand, no schedule; backend 256/512 × 1 (prod 512/1024 × 2), frontend
 * 256/512 × 1; us-west-2; budget $25 with alerts 25/40/60.
 */
final class SampleSpecs {
    static final ZoneId LA = ZoneId.of("America/Los_Angeles");

    private SampleSpecs() {
    }

    static Schedule weekdays8to20() {
        return new Schedule(LA, List.of(new Schedule.Window(
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(20, 0))));
    }

    static DeploySpec durableCode() {
        return durableCode(CostSettings.DEFAULT, "us-west-2");
    }

    static DeploySpec durableCode(CostSettings cost, String region) {
        EnvironmentSpec dev = new EnvironmentSpec("dev", "durable-code-dev", null, new Capacity.Spot(), null,
                weekdays8to20(), null, null);
        EnvironmentSpec prod = new EnvironmentSpec("prod", "durable-code-prod", null, new Capacity.OnDemand(), null,
                null, null, null);
        ServiceSpec backend = service("backend", 256, 512, ServiceSpec.X86_64, 1,
                Map.of("prod", new ServiceOverride(512, 1024, 2, Map.of(), Map.of(), null)));
        ServiceSpec frontend = service("frontend", 256, 512, ServiceSpec.X86_64, 1, Map.of());
        return spec(region, cost, Map.of("dev", dev, "prod", prod), List.of(backend, frontend));
    }

    static ServiceSpec service(String name, int cpu, int memory, String arch, int desired,
            Map<String, ServiceOverride> overrides) {
        return new ServiceSpec(name, null, cpu, memory, arch, 8000, List.of(), Map.of(), Map.of(), null, null,
                desired, null, overrides);
    }

    static DeploySpec spec(String region, CostSettings cost, Map<String, EnvironmentSpec> envs,
            List<ServiceSpec> services) {
        java.util.LinkedHashMap<String, EnvironmentSpec> orderedEnvs = new java.util.LinkedHashMap<>();
        envs.keySet().stream().sorted().forEach(k -> orderedEnvs.put(k, envs.get(k)));
        java.util.LinkedHashMap<String, ServiceSpec> svc = new java.util.LinkedHashMap<>();
        services.forEach(s -> svc.put(s.name(), s));
        return new DeploySpec("deploy-specs/durable-code.yaml", DeploySpec.API_VERSION, DeploySpec.KIND,
                "durable-code", "123456789012", region,
                Map.of("Project", "durable-code", "CostCenter", "engineering"),
                new Budget(25.0, List.of(25.0, 40.0, 60.0)), cost, null, null, orderedEnvs, svc, null, null, null);
    }
}
