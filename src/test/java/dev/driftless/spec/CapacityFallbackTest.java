package dev.driftless.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** capacity.fallbackFor: how long a service stays on on-demand after Fargate Spot had no capacity. */
class CapacityFallbackTest {
    private static final String SPOT = "    capacity: spot               # every task on FARGATE_SPOT; one Spot cannot place moves to on-demand for 1h";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "capacity: spot                          | PT1H",
        "'capacity: { spot: 1, fallbackFor: 2h }' | PT2H",
        "'capacity: { spot: 3, onDemand: 1, base: 1, fallbackFor: 15m }' | PT15M",
    })
    void isReadWithTheMappingAndDefaultsToOneHour(String capacity, Duration expected) throws IOException {
        SpecResult result = load(capacity);

        assertThat(result.errors()).isEmpty();
        assertThat(result.spec().environment("dev").orElseThrow().capacityFallbackFor()).isEqualTo(expected);
        assertThat(result.spec().environment("prod").orElseThrow().capacityFallbackFor()).isEqualTo(Duration.ofHours(1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "'capacity: { spot: 1, fallbackFor: 30s }' | fallbackFor 30s is shorter than 1m",
        "'capacity: { spot: 1, fallbackFor: 121h }' | is longer than 120h",
        "'capacity: { spot: 1, fallbackFor: soon }' | environments.dev.capacity.fallbackFor",
    })
    void outOfRangeOrUnreadableIsAnErrorAtItsLine(String capacity, String message) throws IOException {
        SpecResult result = load(capacity);

        assertThat(result.errors()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(38);
            assertThat(p.format()).contains(message);
        });
    }

    private static SpecResult load(String capacity) throws IOException {
        String sample = Files.readString(Path.of("deploy-specs/durable-code.yaml"));
        assertThat(sample).contains(SPOT);
        return SpecLoader.load(new SpecSource("app.yaml", sample.replace(SPOT, "    " + capacity)));
    }
}
