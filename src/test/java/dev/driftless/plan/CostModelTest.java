package dev.driftless.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.driftless.spec.Capacity;
import dev.driftless.spec.CostSettings;
import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.EnvironmentSpec;
import dev.driftless.spec.Schedule;
import dev.driftless.spec.ServiceSpec;
import dev.driftless.spec.SpecLoader;
import dev.driftless.spec.SpecResult;
import dev.driftless.spec.SpecSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CostModelTest {
    private static final double CENT = 1e-9;
    private static final YearMonth NOV_2026 = YearMonth.of(2026, 11);

    private final CostModel model = new CostModel(PriceTable.builtIn());

    /*
     * Prices (built-in table, us-west-2, Linux/X86_64, AWS Fargate pricing page, read 2026-11-25):
     *   on demand  $0.04048 per vCPU-hour, $0.004445 per GB-hour
     *   Spot       $0.012144 per vCPU-hour, $0.0013335 per GB-hour (on demand − 70%, AWS's stated maximum Spot discount)
     *
     * Hours in November 2026:
     *   dev  — weekdays 08:00–20:00 America/Los_Angeles: Nov 2026 has 21 weekdays (2–6, 9–13, 16–20, 23–27, 30)
     *          × 12 h = 252 h (the DST change is on Sunday Nov 1 at 02:00, outside every window)
     *   prod — no schedule: every hour of the UTC month, 30 × 24 = 720 h (billing months are UTC; in Los
     *          Angeles time the month would be 721 h because Nov 1 has 25 hours)
     *
     * dev  backend  1 task × Spot (0.25 × 0.012144 + 0.5 × 0.0013335 = 0.00370275 $/h) × 252 h =  0.933093
     * dev  frontend same as dev backend                                                        =  0.933093
     * prod backend  2 tasks × on demand (0.5 × 0.04048 + 1 × 0.004445 = 0.024685 $/h) × 720 h = 35.546400
     * prod frontend 1 task × on demand (0.25 × 0.04048 + 0.5 × 0.004445 = 0.0123425 $/h) × 720 h = 8.886600
     * total                                                                                    = 46.299186
     * against budget $25                                                                       → −21.299186
     */
    @Test
    void sampleSpecNovember2026MatchesTheHandCalculation() {
        CostEstimate e = model.proposed(SampleSpecs.durableCode(), Optional.empty(), NOV_2026);

        assertThat(e.service("dev", "backend").orElseThrow().hours()).isEqualTo(252.0);
        assertThat(e.service("prod", "backend").orElseThrow().hours()).isEqualTo(720.0);
        assertThat(e.service("dev", "backend").orElseThrow().monthlyUsd()).isCloseTo(0.933093, within(CENT));
        assertThat(e.service("dev", "frontend").orElseThrow().monthlyUsd()).isCloseTo(0.933093, within(CENT));
        assertThat(e.service("prod", "backend").orElseThrow().monthlyUsd()).isCloseTo(35.5464, within(CENT));
        assertThat(e.service("prod", "frontend").orElseThrow().monthlyUsd()).isCloseTo(8.8866, within(CENT));
        assertThat(e.totalUsd()).isCloseTo(46.299186, within(CENT));
        assertThat(e.headroomUsd()).hasValueSatisfying(h -> assertThat(h).isCloseTo(-21.299186, within(CENT)));
        assertThat(e.notes()).isEmpty();
    }

    /*
     * The sample spec as shipped, deploy-specs/durable-code.yaml (where frontend runs 2 tasks in prod and
     * the spec declares two fixed items), November 2026, same prices and hours as above:
     *
     * dev  backend   1 Spot task  × 0.00370275 $/h × 252 h =  0.933093
     * dev  frontend  1 Spot task  × 0.00370275 $/h × 252 h =  0.933093
     * prod backend   2 tasks × 0.024685 $/h × 720 h         = 35.546400
     * prod frontend  2 tasks × 0.0123425 $/h × 720 h        = 17.773200
     * Fargate                                               = 55.185786
     * fixed: Application Load Balancer 16.43 + Route 53 hosted zone 0.50 = 16.93
     * total                                                 = 72.115786 (budget $25: $47.12 over)
     */
    @Test
    void theShippedSampleSpecNovember2026() throws Exception {
        String file = "deploy-specs/durable-code.yaml";
        SpecResult loaded = SpecLoader.load(new SpecSource(file, Files.readString(Path.of(file))));
        assertThat(loaded.errors()).isEmpty();

        CostEstimate e = model.proposed(loaded.spec(), Optional.empty(), NOV_2026);

        assertThat(e.services()).extracting(ServiceCost::key, ServiceCost::hours, ServiceCost::tasks).containsExactly(
                tuple("dev/backend", 252.0, 1.0), tuple("dev/frontend", 252.0, 1.0),
                tuple("prod/backend", 720.0, 2.0), tuple("prod/frontend", 720.0, 2.0));
        assertThat(e.fargateUsd()).isCloseTo(55.185786, within(CENT));
        assertThat(e.fixed()).extracting(FixedLine::name, FixedLine::monthlyUsd).containsExactly(
                tuple("Application Load Balancer", 16.43), tuple("Route 53 hosted zone", 0.50));
        assertThat(e.totalUsd()).isCloseTo(72.115786, within(CENT));
        assertThat(e.headroomUsd()).hasValueSatisfying(h -> assertThat(h).isCloseTo(-47.115786, within(CENT)));
    }

    @Test
    void oneEnvironmentOnly() {
        CostEstimate e = model.proposed(SampleSpecs.durableCode(), Optional.of("dev"), NOV_2026);
        assertThat(e.services()).extracting(ServiceCost::key).containsExactly("dev/backend", "dev/frontend");
        assertThat(e.totalUsd()).isCloseTo(2 * 0.933093, within(CENT));
    }

    @Test
    void fixedItemsAreSeparateLinesAndFollowTheirEnvironment() {
        CostSettings cost = new CostSettings("Project", List.of(
                new CostSettings.FixedCost("Application Load Balancer", 16.43, "prod"),
                new CostSettings.FixedCost("Route 53 hosted zone", 0.50, null),
                new CostSettings.FixedCost("CloudWatch Logs ingestion", 1.00, "dev")), Map.of());
        DeploySpec spec = SampleSpecs.durableCode(cost, "us-west-2");

        // dev: its own item and half of the shared one (two environments run services)
        CostEstimate dev = model.proposed(spec, Optional.of("dev"), NOV_2026);
        assertThat(dev.fixed()).extracting(FixedLine::name)
                .containsExactly("Route 53 hosted zone (share 1/2)", "CloudWatch Logs ingestion");
        assertThat(dev.fixedUsd()).isCloseTo(0.25 + 1.00, within(CENT));
        assertThat(dev.totalUsd()).isCloseTo(2 * 0.933093 + 1.25, within(CENT));
        assertThat(dev.notes()).anySatisfy(n -> assertThat(n).contains("fixed costs: dev's own items and 1/2 of the shared ones "
                + "($0.25 of $0.50, split evenly over the 2 environments)"));

        CostEstimate all = model.proposed(spec, Optional.empty(), NOV_2026);
        assertThat(all.fixedUsd()).isCloseTo(17.93, within(CENT));
        assertThat(all.fargateUsd()).isCloseTo(46.299186, within(CENT));
        assertThat(all.fixed()).extracting(FixedLine::name).contains("Route 53 hosted zone");
    }

    /** The per-environment estimates add up to the whole: Fargate and fixed items, shared ones split. */
    @Test
    void theEnvironmentsEstimatesAddUpToTheWhole() {
        DeploySpec spec = SampleSpecs.durableCode();
        double sum = 0;
        for (String env : spec.environments().keySet()) {
            sum += model.proposed(spec, Optional.of(env), NOV_2026).totalUsd();
        }
        assertThat(sum).isCloseTo(model.proposed(spec, Optional.empty(), NOV_2026).totalUsd(), within(CENT));
    }

    /* Mixed {spot: 3, onDemand: 1, base: 1} with 5 tasks: 1 base on demand, the other 4 split 3 Spot : 1 on demand. */
    @Test
    void mixedCapacityPutsTheBaseOnDemandAndSplitsTheRest() {
        DeploySpec spec = oneService(new Capacity.Mixed(3, 1, 1), ServiceSpec.X86_64, 1024, 2048, 5, "us-east-1");
        ServiceCost s = model.proposed(spec, Optional.empty(), NOV_2026).services().get(0);
        assertThat(s.onDemandTasks()).isEqualTo(2.0);
        assertThat(s.spotTasks()).isEqualTo(3.0);
        // per hour: 2 × (0.04048 + 2 × 0.004445) + 3 × (0.012144 + 2 × 0.0013335) = 0.09874 + 0.044433 = 0.143173
        assertThat(s.monthlyUsd()).isCloseTo(0.143173 * 720, within(CENT));
    }

    /* Graviton: 1 vCPU / 2 GB ARM64 on demand = 0.03238 + 2 × 0.00356 = 0.03950 $/h. */
    @Test
    void armIsPricedAtGravitonRatesAndNeverAtSpot() {
        DeploySpec onDemand = oneService(new Capacity.OnDemand(), ServiceSpec.ARM64, 1024, 2048, 1, "us-west-2");
        assertThat(model.proposed(onDemand, Optional.empty(), NOV_2026).totalUsd())
                .isCloseTo(0.03950 * 720, within(CENT));

        DeploySpec spot = oneService(new Capacity.Spot(), ServiceSpec.ARM64, 1024, 2048, 1, "us-west-2");
        CostEstimate e = model.proposed(spot, Optional.empty(), NOV_2026);
        assertThat(e.totalUsd()).isCloseTo(0.03950 * 720, within(CENT));
        assertThat(e.notes()).singleElement().asString().contains("Spot runs X86_64 tasks only");
    }

    @Test
    void specPricesOverrideTheTable() {
        CostSettings cost = new CostSettings(null, List.of(), Map.of("spotVcpuHour", 0.02, "spotGbHour", 0.002));
        DeploySpec spec = SampleSpecs.durableCode(cost, "us-west-2");
        ServiceCost dev = model.proposed(spec, Optional.of("dev"), NOV_2026).services().get(0);
        // (0.25 × 0.02 + 0.5 × 0.002) × 252 h = 0.006 × 252
        assertThat(dev.monthlyUsd()).isCloseTo(1.512, within(CENT));
    }

    @Test
    void unknownRegionFallsBackAndSaysSo() {
        CostEstimate e = model.proposed(SampleSpecs.durableCode(CostSettings.DEFAULT, "ap-south-2"),
                Optional.empty(), NOV_2026);
        assertThat(e.totalUsd()).isCloseTo(46.299186, within(CENT));
        assertThat(e.notes()).singleElement().asString()
                .contains("no Fargate prices for ap-south-2").contains("us-east-1 prices used").contains("cost.prices");
    }

    @Test
    void liveVersusProposedGivesTheDelta() {
        DeploySpec spec = SampleSpecs.durableCode();
        CostEstimate proposed = model.proposed(spec, Optional.of("prod"), NOV_2026);
        // live prod backend still runs 1 task of 256/512
        var liveViews = List.of(
                spec.services().get("backend").in(spec.environments().get("prod")),
                spec.services().get("frontend").in(spec.environments().get("prod")));
        var liveBackend = liveViews.get(0);
        var shrunk = new dev.driftless.spec.ServiceView(liveBackend.name(), liveBackend.environment(),
                liveBackend.image(), 256, 512, liveBackend.architecture(), liveBackend.port(), liveBackend.command(),
                liveBackend.variables(), liveBackend.secrets(), liveBackend.healthCheck(), liveBackend.loadBalancer(),
                1, liveBackend.autoscaling(), liveBackend.capacity());
        CostEstimate live = model.estimate(spec, List.of(shrunk, liveViews.get(1)), NOV_2026);

        CostComparison c = new CostComparison(live, proposed);
        // backend: 35.5464 proposed − 8.8866 live = 26.6598
        assertThat(c.deltaUsd()).isCloseTo(26.6598, within(CENT));
        assertThat(c.lines()).extracting(CostComparison.Line::service).containsExactly("backend", "frontend");
        assertThat(c.lines().get(1).deltaUsd()).isCloseTo(0.0, within(CENT));
    }

    /*
     * US DST 2026 in Los Angeles: starts Sunday March 8 (02:00 → 03:00), ends Sunday November 1 (02:00 → 01:00).
     * One on-demand task of 1 vCPU / 2 GB costs 0.04048 + 2 × 0.004445 = 0.04937 $/h.
     *   Sundays 00:00–12:00, March 2026: Sundays 1, 8, 15, 22, 29 → 4 × 12 h + 11 h (Mar 8 loses an hour) = 59 h
     *   Sundays 00:00–12:00, November 2026: Sundays 1, 8, 15, 22, 29 → 13 h (Nov 1 gains one) + 4 × 12 h = 61 h
     *   the same window in UTC: 5 × 12 = 60 h in either month
     *   every day all day (from = to) in Los Angeles: March 31 × 24 − 1 = 743 h, November 30 × 24 + 1 = 721 h
     *   Saturday 22:00 → Sunday 06:00, November 2026: Oct 31 22:00 PDT → Nov 1 06:00 PST counts from
     *     Nov 1 00:00 PDT = 7 h, then Saturdays 7, 14, 21, 28 → 4 × 8 h; 39 h
     */
    @ParameterizedTest(name = "{0} {1} {2}–{3} {4}: {5} h")
    @CsvSource({
        "2026-03, SUNDAY,   00:00, 12:00, America/Los_Angeles, 59",
        "2026-11, SUNDAY,   00:00, 12:00, America/Los_Angeles, 61",
        "2026-03, SUNDAY,   00:00, 12:00, UTC,                 60",
        "2026-11, SUNDAY,   00:00, 12:00, UTC,                 60",
        "2026-03, DAILY,    00:00, 00:00, America/Los_Angeles, 743",
        "2026-11, DAILY,    00:00, 00:00, America/Los_Angeles, 721",
        "2026-11, SATURDAY, 22:00, 06:00, America/Los_Angeles, 39",
    })
    void theDstChangeIsCountedToTheHour(String month, String days, String from, String to, String zone, double hours) {
        Set<DayOfWeek> d = days.equals("DAILY") ? EnumSet.allOf(DayOfWeek.class) : EnumSet.of(DayOfWeek.valueOf(days));
        Schedule schedule = new Schedule(ZoneId.of(zone),
                List.of(new Schedule.Window(d, LocalTime.parse(from), LocalTime.parse(to))));
        EnvironmentSpec env = new EnvironmentSpec("dev", "c", null, new Capacity.OnDemand(), null, schedule, null, null);
        DeploySpec spec = SampleSpecs.spec("us-west-2", CostSettings.DEFAULT, Map.of("dev", env),
                List.of(SampleSpecs.service("api", 1024, 2048, ServiceSpec.X86_64, 1, Map.of())));

        ServiceCost s = model.proposed(spec, Optional.empty(), YearMonth.parse(month)).services().get(0);

        assertThat(s.hours()).isEqualTo(hours);
        assertThat(s.monthlyUsd()).isCloseTo(0.04937 * hours, within(CENT));
    }

    @Test
    void theBuiltInTableNamesItsSourceAndDate() {
        PriceTable t = PriceTable.builtIn();
        assertThat(t.source()).startsWith("https://aws.amazon.com/fargate/pricing/");
        assertThat(t.retrieved()).isEqualTo("2026-11-25");
        assertThat(t.regions().get("us-west-2").get("X86_64"))
                .isEqualTo(new FargateRates(0.04048, 0.004445, 0.012144, 0.0013335, 0.000111));
        assertThat(t.regions().get("us-west-2").get("ARM64")).isEqualTo(new FargateRates(0.03238, 0.00356, null, null, 0.000111));
    }

    /* desiredCount 1 with autoscaling min 3: ECS runs 3 tasks. 1 vCPU / 2 GB on demand in us-east-1 =
     * 0.04048 + 2 × 0.004445 = 0.04937 $/h; × 3 tasks × 720 h = 106.6392. */
    @Test
    void theCountIsAtLeastTheAutoscalingMinimum() {
        EnvironmentSpec env = new EnvironmentSpec("prod", "c", null, new Capacity.OnDemand(), null, null, null, null);
        ServiceSpec api = new ServiceSpec("api", null, 1024, 2048, ServiceSpec.X86_64, 8000, List.of(), Map.of(), Map.of(),
                null, null, 1, new dev.driftless.spec.Autoscaling(3, 6, 60, null), Map.of());
        DeploySpec spec = SampleSpecs.spec("us-east-1", CostSettings.DEFAULT, Map.of("prod", env), List.of(api));

        ServiceCost s = model.proposed(spec, Optional.empty(), NOV_2026).services().get(0);

        assertThat(s.onDemandTasks()).isEqualTo(3.0);
        assertThat(s.monthlyUsd()).isCloseTo(0.04937 * 3 * 720, within(CENT));
    }

    /* 50 GiB of ephemeral storage: 30 GiB beyond the free 20 × $0.000111 per GB-hour × 720 h × 2 prod tasks = $4.7952. */
    @Test
    void ephemeralStorageBeyondTheFree20GiBIsPricedPerTask() throws Exception {
        String sample = Files.readString(Path.of("deploy-specs/durable-code.yaml"));
        String memory = "    memory: 512                  # MiB\n";
        assertThat(sample).contains(memory);
        DeploySpec plain = SpecLoader.load(new SpecSource("a.yaml", sample)).spec();
        DeploySpec storage = SpecLoader.load(new SpecSource("a.yaml", sample.replaceFirst(java.util.regex.Pattern.quote(memory),
                memory + "    ephemeralStorage: 50\n"))).spec();

        ServiceCost before = prodBackend(model.proposed(plain, Optional.of("prod"), NOV_2026));
        ServiceCost after = prodBackend(model.proposed(storage, Optional.of("prod"), NOV_2026));

        assertThat(after.monthlyUsd() - before.monthlyUsd()).isCloseTo(30 * 0.000111 * 720 * 2, within(CENT));
        assertThat(after.hoursBasis()).contains("50 GiB storage (30 beyond the free 20)");
    }

    private static ServiceCost prodBackend(CostEstimate e) {
        return e.services().stream().filter(s -> s.key().equals("prod/backend")).findFirst().orElseThrow();
    }

    /** plan prints the comparison's notes: the fallback-rates note of a region the table lacks must be among them. */
    @Test
    void theComparisonCarriesTheFallbackNoteForPlan() {
        DeploySpec spec = SampleSpecs.durableCode(CostSettings.DEFAULT, "ap-south-2");
        CostEstimate proposed = model.proposed(spec, Optional.empty(), NOV_2026);

        CostComparison c = new CostComparison(proposed, proposed);

        assertThat(c.liveOnlyNotes()).isEmpty();
        assertThat(c.notes()).singleElement().asString().contains("no Fargate prices for ap-south-2");
    }

    private static DeploySpec oneService(Capacity capacity, String arch, int cpu, int mem, int tasks, String region) {
        EnvironmentSpec env = new EnvironmentSpec("prod", "c", null, capacity, null, null, null, null);
        return SampleSpecs.spec(region, CostSettings.DEFAULT, Map.of("prod", env),
                List.of(SampleSpecs.service("api", cpu, mem, arch, tasks, Map.of())));
    }
}
