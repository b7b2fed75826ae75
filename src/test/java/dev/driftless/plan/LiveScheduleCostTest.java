package dev.driftless.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.ServiceView;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The live side of a plan's cost follows the schedule deploy recorded on the service, not the spec's. */
class LiveScheduleCostTest {
    private static final double CENT = 1e-9;
    private static final YearMonth NOV_2026 = YearMonth.of(2026, 11);
    private static final String WEEKDAYS_8_20 = "America/Los_Angeles Mon-Fri 08:00-20:00";

    private final CostModel model = new CostModel(PriceTable.builtIn());

    /*
     * dev backend of the sample spec: 1 task on Fargate Spot, 0.25 vCPU / 0.5 GB, X86_64, us-west-2.
     * Built-in prices (AWS Fargate pricing page, read 2026-11-25): Spot $0.012144 per vCPU-hour,
     * $0.0013335 per GB-hour → 0.25 × 0.012144 + 0.5 × 0.0013335 = 0.003036 + 0.00066675 = 0.00370275 $/h.
     *
     * Hours in November 2026, America/Los_Angeles (DST ends Sunday Nov 1 at 02:00, so that day has 25 h):
     *   Mon-Fri 08:00-20:00  21 weekdays (2–6, 9–13, 16–20, 23–27, 30) × 12 h = 252 h → × 0.00370275 = 0.933093
     *   Mon-Fri 09:00-17:00  21 weekdays × 8 h                              = 168 h → × 0.00370275 = 0.622062
     *   Mon-Sun 00:00-00:00  (all day) 30 × 24 + 1                         = 721 h → × 0.00370275 = 2.66968275
     *   always (no schedule) every hour of the UTC month, 30 × 24           = 720 h → × 0.00370275 = 2.66598
     *
     * weekdays 08–20 → always-on:            2.66598    − 0.933093 = +1.732887
     * weekdays 08–20 → every day all day LA: 2.66968275 − 0.933093 = +1.73658975
     * always → weekdays 08–20:               0.933093   − 2.66598  = −1.732887
     * weekdays 09–17 → weekdays 08–20:       0.933093   − 0.622062 = +0.311031
     * a recorded schedule that cannot be read back prices the live side with the spec's: delta 0, with a note.
     */
    @ParameterizedTest(name = "spec {0}, recorded {1}: live {2} h, proposed {3} h")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            always                                  | America/Los_Angeles Mon-Fri 08:00-20:00 | 252 | 720 | 0.933093   | 2.66598    | false
            America/Los_Angeles Mon-Sun 00:00-00:00 | America/Los_Angeles Mon-Fri 08:00-20:00 | 252 | 721 | 0.933093   | 2.66968275 | false
            America/Los_Angeles Mon-Fri 08:00-20:00 | always                                  | 720 | 252 | 2.66598    | 0.933093   | false
            America/Los_Angeles Mon-Fri 08:00-20:00 | America/Los_Angeles Mon-Fri 09:00-17:00 | 168 | 252 | 0.622062   | 0.933093   | false
            America/Los_Angeles Mon-Fri 08:00-20:00 | America/Los_Angeles Mon-Fri 08:00-20:00 | 252 | 252 | 0.933093   | 0.933093   | false
            America/Los_Angeles Mon-Fri 08:00-20:00 | none                                    | 252 | 252 | 0.933093   | 0.933093   | false
            always                                  | hash:0123456789abcdef                   | 720 | 720 | 2.66598    | 2.66598    | true
            always                                  | Mars/Olympus_Mons Mon-Fri 08:00-20:00   | 720 | 720 | 2.66598    | 2.66598    | true
            """)
    void liveSidePricesTheRecordedSchedule(String specSchedule, String recorded, double liveHours, double proposedHours,
            double liveUsd, double proposedUsd, boolean noted) {
        DeploySpec spec = SampleSpecsAccess.withDevSchedule(SampleSpecs.durableCode(), specSchedule.equals(ScheduleText.ALWAYS) ? null
                : ScheduleText.parse(specSchedule).orElseThrow());
        ServiceView backend = spec.servicesIn("dev").get("backend");
        Map<String, ServiceView> views = Map.of("backend", backend);

        CostComparison c = new CostComparison(model.live(spec, RecordedSchedulePlans.dev(tags(recorded)), views, NOV_2026),
                model.estimate(spec, views.values(), NOV_2026));

        assertThat(c.live().service("dev", "backend").orElseThrow().hours()).isEqualTo(liveHours);
        assertThat(c.proposed().service("dev", "backend").orElseThrow().hours()).isEqualTo(proposedHours);
        assertThat(c.live().totalUsd()).isCloseTo(liveUsd, within(CENT));
        assertThat(c.proposed().totalUsd()).isCloseTo(proposedUsd, within(CENT));
        assertThat(c.deltaUsd()).isCloseTo(proposedUsd - liveUsd, within(CENT));
        assertThat(c.hoursDiffer()).isEqualTo(liveHours != proposedHours);
        if (noted) {
            assertThat(c.liveOnlyNotes()).singleElement().asString()
                    .contains("dev/backend").contains("`" + recorded + "`").contains("spec's schedule");
        } else {
            assertThat(c.liveOnlyNotes()).isEmpty();
        }
    }

    private static Map<String, String> tags(String recorded) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("backend", recorded);
        return tags;
    }
}
