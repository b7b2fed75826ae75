package dev.driftless.spec;

import static dev.driftless.spec.RuleCase.error;
import static dev.driftless.spec.RuleCase.valid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class FargateRulesTest {

    @ParameterizedTest(name = "cpu {0} memory {1} → {2}")
    @CsvSource({
        "256, 512, true", "256, 1024, true", "256, 2048, true", "256, 3072, false", "256, 4096, false",
        "512, 1024, true", "512, 4096, true", "512, 512, false", "512, 5120, false", "512, 1536, false",
        "1024, 2048, true", "1024, 8192, true", "1024, 1024, false", "1024, 9216, false",
        "2048, 4096, true", "2048, 16384, true", "2048, 17408, false", "2048, 3072, false",
        "4096, 8192, true", "4096, 30720, true", "4096, 9216, true", "4096, 31744, false",
        "8192, 16384, true", "8192, 20480, true", "8192, 61440, true", "8192, 17408, false", "8192, 65536, false",
        "16384, 32768, true", "16384, 40960, true", "16384, 122880, true", "16384, 36864, false",
        "16384, 131072, false", "300, 512, false", "0, 512, false",
    })
    void fargateSizeTable(int cpu, int memory, boolean valid) {
        assertThat(FargateSizes.valid(cpu, memory)).isEqualTo(valid);
    }

    static Stream<RuleCase> cases() {
        return Stream.of(
                valid("cpu 256 memory 512", s -> s),
                valid("cpu 1024 memory 3072", s -> s.set("services.api.cpu", "1024").set("services.api.memory", "3072")),
                error("memory not allowed with cpu 256", s -> s.set("services.api.memory", "4096"),
                        "services.api.memory", "with cpu 256 use memory 512, 1024 or 2048"),
                error("cpu not a Fargate size", s -> s.set("services.api.cpu", "300"),
                        "services.api.cpu", "use one of 256, 512, 1024, 2048, 4096, 8192, 16384"),
                valid("override to a legal pair", s -> s.set("services.api.overrides", "{prod: {cpu: 512, memory: 1024}}")),
                error("override cpu makes an illegal pair with the base memory",
                        s -> s.set("services.api.overrides", "{prod: {cpu: 512}}"),
                        "services.api.overrides.prod", "cpu 512 with memory 512 in prod"),
                error("override memory illegal", s -> s.set("services.api.overrides", "{prod: {memory: 8192}}"),
                        "services.api.overrides.prod.memory", "in prod is not a Fargate size"),
                valid("ARM64 on on-demand", s -> s.set("services.api.architecture", "ARM64")),
                error("ARM64 on Fargate Spot", s -> s.set("services.api.architecture", "ARM64")
                                .set("environments.dev.capacity", "spot"),
                        "services.api.architecture", "Fargate Spot, which has no ARM64"),
                error("ARM64 with a spot share", s -> s.set("services.api.architecture", "ARM64")
                                .set("environments.prod.capacity", "{spot: 3, onDemand: 1, base: 1}"),
                        "services.api.architecture", "environment prod runs on Fargate Spot"),
                valid("X86_64 on spot", s -> s.set("environments.dev.capacity", "spot")),
                error("unknown architecture", s -> s.set("services.api.architecture", "ARM"),
                        "services.api.architecture", "use X86_64 or ARM64"),
                valid("build platform matches", s -> s.set("services.api.architecture", "ARM64")
                        .set("services.api.image.build", "{platform: linux/arm64}")),
                error("build platform does not match", s -> s.set("services.api.image.build", "{platform: linux/arm64}"),
                        "services.api.image.build.platform", "use linux/amd64"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rule(RuleCase c) {
        c.verify();
    }
}
