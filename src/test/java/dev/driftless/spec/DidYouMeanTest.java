package dev.driftless.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DidYouMeanTest {
    private static final List<String> KNOWN = List.of("cpu", "memory", "desiredCount", "healthCheck", "autoscaling");

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "cpus, cpu", "memroy, memory", "desiredcount, desiredCount", "helthCheck, healthCheck",
        "autoScaling, autoscaling", "desired_count, desiredCount", "zzz, ''", "loadBalancer, ''",
    })
    void suggestsOnlyCloseNames(String typed, String expected) {
        assertThat(DidYouMean.closest(typed, KNOWN).orElse("")).isEqualTo(expected);
    }
}
