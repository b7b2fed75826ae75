package dev.driftless.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.SpecLoader;
import dev.driftless.spec.SpecResult;
import dev.driftless.spec.SpecSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class ScheduleSavingsTest {

    /**
     * dev runs MON-FRI 08-20 in Los Angeles: November 2026 is 721 h long there (the extra DST hour) and
     * runs 21 weekdays × 12 h = 252 h, so 469 h are stopped. dev is all Spot: a 0.25 vCPU / 0.5 GB task
     * costs 0.25 × 0.012144 + 0.5 × 0.0013335 = $0.00370275 an hour in us-west-2 (the built-in table);
     * backend and frontend run one task each, so 2 × 0.00370275 × 469 = $3.473.
     */
    @Test
    void devSavesItsStoppedHoursAtTheSpotRateOfItsTasks() throws IOException {
        DeploySpec spec = spec();

        ScheduleSavings savings = ScheduleSavings.of(spec, spec.environment("dev").orElseThrow(),
                spec.servicesIn("dev").values(), YearMonth.of(2026, 11), new CostModel(PriceTable.builtIn()));

        assertThat(savings.runningHours()).isEqualTo(252.0);
        assertThat(savings.stoppedHours()).isEqualTo(469.0);
        assertThat(savings.savedUsd()).isCloseTo(2 * 0.00370275 * 469, within(1e-9));
    }

    @Test
    void anEnvironmentWithoutAScheduleSavesNothing() throws IOException {
        DeploySpec spec = spec();

        ScheduleSavings savings = ScheduleSavings.of(spec, spec.environment("prod").orElseThrow(),
                spec.servicesIn("prod").values(), YearMonth.of(2026, 11), new CostModel(PriceTable.builtIn()));

        assertThat(savings.stoppedHours()).isZero();
        assertThat(savings.savedUsd()).isZero();
    }

    private DeploySpec spec() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/schedule/durable-code.yaml")) {
            SpecResult r = SpecLoader.load(new SpecSource("durable-code.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            assertThat(r.errors()).isEmpty();
            return r.spec();
        }
    }
}
