package dev.driftless.spec;

/**
 * What Fargate will run: legal CPU/memory pairs (for the service and for each environment's override),
 * a known architecture that matches the build platform, and no ARM64 on Fargate Spot, which has none.
 */
final class FargateRules implements SpecRule {
    @Override
    public void check(DeploySpec spec, Problems problems) {
        spec.services().forEach((name, service) -> {
            String path = "services." + name;
            boolean located = problems.locations().has(path + ".cpu") && problems.locations().has(path + ".memory");
            if (located) {
                size(service.cpu(), service.memory(), path + ".cpu", path + ".memory", null, problems);
            }
            service.overrides().forEach((env, o) -> {
                if (o.cpu() == null && o.memory() == null) {
                    return;
                }
                int cpu = o.cpu() != null ? o.cpu() : service.cpu();
                int memory = o.memory() != null ? o.memory() : service.memory();
                if (cpu <= 0 || memory <= 0 || (o.cpu() == null && !FargateSizes.validCpu(cpu))) {
                    return; // missing or already reported on the service itself
                }
                String at = path + ".overrides." + env;
                size(cpu, memory, o.cpu() != null ? at + ".cpu" : at, o.memory() != null ? at + ".memory" : at, env,
                        problems);
            });
            architecture(spec, name, service, problems);
        });
    }

    private static void size(int cpu, int memory, String cpuPath, String memoryPath, String env, Problems problems) {
        String where = env == null ? "" : " in " + env;
        if (!FargateSizes.validCpu(cpu)) {
            problems.error(cpuPath, "cpu " + cpu + where + " is not a Fargate size; use one of "
                    + FargateSizes.cpuValues() + " (1024 = 1 vCPU)");
        } else if (!FargateSizes.valid(cpu, memory)) {
            problems.error(memoryPath, "cpu " + cpu + " with memory " + memory + where
                    + " is not a Fargate size; with cpu " + cpu + " use memory " + FargateSizes.memoryFor(cpu) + " (MiB)");
        }
    }

    private static void architecture(DeploySpec spec, String name, ServiceSpec service, Problems problems) {
        String path = "services." + name + ".architecture";
        String arch = service.architecture();
        if (!ServiceSpec.X86_64.equals(arch) && !ServiceSpec.ARM64.equals(arch)) {
            problems.error(path, "architecture '" + arch + "' is not one Fargate runs; use X86_64 or ARM64"
                    + DidYouMean.hint(arch, java.util.List.of(ServiceSpec.X86_64, ServiceSpec.ARM64)));
            return;
        }
        if (service.image() != null && service.image().build() != null && service.image().build().platform() != null) {
            String platform = service.image().build().platform();
            String expected = ServiceSpec.ARM64.equals(arch) ? "linux/arm64" : "linux/amd64";
            if (!platform.equals(expected)) {
                problems.error("services." + name + ".image.build.platform", "build platform '" + platform
                        + "' does not match architecture " + arch + "; use " + expected);
            }
        }
        if (!ServiceSpec.ARM64.equals(arch)) {
            return;
        }
        spec.environments().forEach((env, e) -> {
            if (e.capacity().spotShare() > 0) {
                problems.error(problems.locations().has(path) ? path : "environments." + env + ".capacity",
                        "service " + name + " is ARM64 but environment " + env + " runs on Fargate Spot, which has no ARM64 "
                                + "capacity; use architecture X86_64 or capacity on-demand in " + env);
            }
        });
    }
}
