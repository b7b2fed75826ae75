package dev.driftless.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftless.spec.Autoscaling;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The diff's attribution rules, table-driven: what differs, and whether it is planned or drift. */
class PlanDiffTest {
    private static final String LIVE_ARN = "arn:aws:ecs:us-west-2:123456789012:task-definition/durable-code-dev-frontend:3";
    private static final DesiredService DESIRED = desired("abc123");

    private static DesiredService desired(String tag) {
        var spec = SampleSpec.spec();
        var r = new DesiredRenderer(spec);
        var view = spec.servicesIn("dev").get("frontend");
        return r.render(view, r.imageUri(view, new ImageRef.Tag(tag)));
    }

    /** A live service exactly as driftless deployed DESIRED. */
    private static LiveService deployed(UnaryOperator<Map<String, String>> tags, int desiredCount, ServiceSettings settings) {
        Map<String, String> t = new HashMap<>(Map.of(
                ServiceTags.SPEC_HASH, DESIRED.specHash(),
                ServiceTags.TASK_DEFINITION, LIVE_ARN,
                ServiceTags.SETTINGS_HASH, SpecHash.of(DESIRED.settings()),
                ServiceTags.DESIRED_COUNT, "1"));
        return new LiveService("frontend", "arn", "ACTIVE", desiredCount, desiredCount, 0, LIVE_ARN, List.of(),
                settings, tags.apply(t), List.of());
    }

    private static ServiceSettings settings(int count, List<ServiceSettings.CapacityItem> capacity) {
        var s = DESIRED.settings();
        return new ServiceSettings(count, capacity, s.network(), s.loadBalancers(), s.circuitBreaker(), s.circuitBreakerRollback(),
                s.propagateTags());
    }

    private static final List<ServiceSettings.CapacityItem> ON_DEMAND = List.of(new ServiceSettings.CapacityItem("FARGATE", 1, 0));

    static Stream<Arguments> cases() {
        TaskDefinition hotfix = desired("hotfix").taskDefinition();
        TaskDefinition same = DESIRED.taskDefinition();
        return Stream.of(
                // name, desired, live, liveTd, deployedTd, expected "GROUP:field:drift" entries
                Arguments.of("unchanged, tags match: nothing", DESIRED,
                        deployed(t -> t, 1, DESIRED.settings()), null, null, List.of()),
                Arguments.of("new image in git: planned", desired("def456"),
                        deployed(t -> t, 1, DESIRED.settings()), same, null, List.of("IMAGE:image:planned")),
                Arguments.of("revision swapped by hand: drift", DESIRED,
                        deployed(t -> put(t, ServiceTags.TASK_DEFINITION, LIVE_ARN + "-old"), 1, DESIRED.settings()), hotfix, null,
                        List.of("IMAGE:image:drift")),
                Arguments.of("swapped by hand and changed in git, same field: drift", desired("def456"),
                        deployed(t -> put(t, ServiceTags.TASK_DEFINITION, LIVE_ARN + "-old"), 1, DESIRED.settings()), hotfix, same,
                        List.of("IMAGE:image:drift")),
                Arguments.of("count changed by hand: drift", DESIRED,
                        deployed(t -> t, 3, settings(3, DESIRED.settings().capacityProviderStrategy())), null, null,
                        List.of("DESIRED_COUNT:desired count:drift")),
                Arguments.of("capacity changed by hand: drift", DESIRED,
                        deployed(t -> t, 1, settings(1, ON_DEMAND)), null, null,
                        List.of("CAPACITY:capacity providers:drift")),
                Arguments.of("stopped by the schedule: no count change", DESIRED,
                        deployed(t -> put(t, ServiceTags.SCHEDULE_SAVED_DESIRED, "1"), 0, settings(0, DESIRED.settings().capacityProviderStrategy())),
                        null, null, List.of()),
                Arguments.of("not deployed by driftless: changes, never drift", DESIRED,
                        deployed(t -> Map.of(), 2, settings(2, ON_DEMAND)), hotfix, null,
                        List.of("IMAGE:image:planned", "DESIRED_COUNT:desired count:planned", "CAPACITY:capacity providers:planned")));
    }

    private static Map<String, String> put(Map<String, String> m, String k, String v) {
        m.put(k, v);
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void attributesEachDifference(String name, DesiredService desired, LiveService live, TaskDefinition liveTd,
                                  TaskDefinition deployedTd, List<String> expected) {
        ServicePlan plan = PlanDiff.diff(new PlanDiff.Inputs(desired, live, liveTd, deployedTd, null));

        assertThat(plan.changes()).extracting(c -> c.group() + ":" + c.field() + ":" + (c.drift() ? "drift" : "planned"))
                .containsExactlyElementsOf(expected);
        assertThat(plan.action()).isEqualTo(expected.isEmpty() ? ServicePlan.Action.NONE : ServicePlan.Action.UPDATE);
    }

    static Stream<Arguments> fetches() {
        return Stream.of(
                Arguments.of("tags prove it unchanged", DESIRED, deployed(t -> t, 1, DESIRED.settings()), false, null),
                Arguments.of("rendering changed", desired("def456"), deployed(t -> t, 1, DESIRED.settings()), true, null),
                Arguments.of("never deployed by driftless", DESIRED, deployed(t -> Map.of(), 1, DESIRED.settings()), true, null),
                Arguments.of("swapped by hand, rendering unchanged", DESIRED,
                        deployed(t -> put(t, ServiceTags.TASK_DEFINITION, LIVE_ARN + "-old"), 1, DESIRED.settings()), true, null),
                Arguments.of("swapped by hand and rendering changed", desired("def456"),
                        deployed(t -> put(t, ServiceTags.TASK_DEFINITION, LIVE_ARN + "-old"), 1, DESIRED.settings()), true, LIVE_ARN + "-old"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fetches")
    void readsATaskDefinitionOnlyWhenTheTagsCannotProveItUnchanged(String name, DesiredService desired, LiveService live,
                                                                    boolean live_, String deployedArn) {
        assertThat(PlanDiff.needsLiveTaskDefinition(desired, live)).isEqualTo(live_);
        assertThat(PlanDiff.needsDeployedTaskDefinition(desired, live).orElse(null)).isEqualTo(deployedArn);
    }

    @org.junit.jupiter.api.Test
    void autoscalingWithinRangeIsNoCountChangeAndTargetsAreCompared() {
        var spec = SampleSpec.spec();
        var r = new DesiredRenderer(spec);
        var view = spec.servicesIn("dev").get("backend");
        DesiredService d = r.render(view, r.imageUri(view, new ImageRef.Tag("abc123")));
        LiveService live = new LiveService("backend", "arn", "ACTIVE", 3, 3, 0, LIVE_ARN, List.of(),
                new ServiceSettings(3, d.settings().capacityProviderStrategy(), d.settings().network(), List.of(), true, true, "SERVICE"),
                Map.of(ServiceTags.SPEC_HASH, d.specHash(), ServiceTags.TASK_DEFINITION, LIVE_ARN,
                        ServiceTags.AUTOSCALING, ServiceTags.autoscaling(new Autoscaling(1, 3, 60, 70))),
                List.of());

        ServicePlan plan = PlanDiff.diff(new PlanDiff.Inputs(d, live, null, null, new LiveScaling(1, 5, 60, 70)));

        assertThat(plan.changes()).extracting(c -> c.group() + ":" + c.describe() + ":" + c.drift())
                .containsExactly("AUTOSCALING:1..5 → 1..3:true");
        assertThat(plan.updateAutoscaling()).isTrue();
        assertThat(plan.registerTaskDefinition()).isFalse();
    }

    private static final String LA_WEEKDAYS_TAG = "America/Los_Angeles Mon-Fri 08:00-20:00";
    private static final String LA_WEEKDAYS = "weekdays 08:00–20:00 America/Los_Angeles";

    /** The frontend rendered for dev with the schedule changed to {@code schedule} (null: no schedule). */
    private static DesiredService withSchedule(dev.driftless.spec.Schedule schedule) {
        var spec = SampleSpec.spec(b -> b, e -> SampleSpec.withSchedule(e, schedule));
        var r = new DesiredRenderer(spec);
        var view = spec.servicesIn("dev").get("frontend");
        return r.render(view, r.imageUri(view, new ImageRef.Tag("abc123")));
    }

    private static dev.driftless.spec.Schedule schedule(String zone, java.util.Set<java.time.DayOfWeek> days, int from, int to) {
        return new dev.driftless.spec.Schedule(java.time.ZoneId.of(zone), List.of(new dev.driftless.spec.Schedule.Window(days,
                java.time.LocalTime.of(from, 0), java.time.LocalTime.of(to, 0))));
    }

    static Stream<Arguments> schedules() {
        var weekdays = java.util.EnumSet.range(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.FRIDAY);
        var everyDay = java.util.EnumSet.allOf(java.time.DayOfWeek.class);
        return Stream.of(
                // name, recorded tag (null: none), spec's schedule, expected change (null: none)
                Arguments.of("no tag: deployed before schedules were recorded", null,
                        schedule("Europe/Berlin", everyDay, 7, 22), null),
                Arguments.of("same schedule", LA_WEEKDAYS_TAG, schedule("America/Los_Angeles", weekdays, 8, 20), null),
                Arguments.of("changed window", LA_WEEKDAYS_TAG, schedule("America/Los_Angeles", everyDay, 7, 22),
                        LA_WEEKDAYS + " → every day 07:00–22:00 America/Los_Angeles"),
                Arguments.of("changed zone", LA_WEEKDAYS_TAG, schedule("Europe/Berlin", weekdays, 8, 20),
                        LA_WEEKDAYS + " → weekdays 08:00–20:00 Europe/Berlin"),
                Arguments.of("schedule removed: always", LA_WEEKDAYS_TAG, null, LA_WEEKDAYS + " → always running"),
                Arguments.of("schedule added", "always", schedule("America/Los_Angeles", weekdays, 8, 20),
                        "always running → " + LA_WEEKDAYS),
                Arguments.of("still none", "always", null, null),
                Arguments.of("recorded by hash, now different", "hash:0123456789abcdef", null,
                        "a schedule recorded as hash:0123456789abcdef → always running"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void comparesTheSpecsScheduleWithTheRecordedOneOnly(String name, String recorded, dev.driftless.spec.Schedule schedule,
                                                        String expected) {
        DesiredService desired = withSchedule(schedule);
        LiveService live = deployed(t -> recorded == null ? t : put(t, ServiceTags.SCHEDULE, recorded), 1, DESIRED.settings());

        ServicePlan plan = PlanDiff.diff(new PlanDiff.Inputs(desired, live, null, null, null));

        if (expected == null) {
            assertThat(plan.changes()).isEmpty();
            assertThat(plan.action()).isEqualTo(ServicePlan.Action.NONE);
            return;
        }
        assertThat(plan.changes()).singleElement().satisfies(c -> {
            assertThat(c.group()).isEqualTo(ChangeGroup.SCHEDULE);
            assertThat(c.describe()).isEqualTo(expected);
            assertThat(c.drift()).isFalse();
        });
        assertThat(plan.action()).isEqualTo(ServicePlan.Action.UPDATE);
        // the schedule is the schedule command's business: nothing for ECS
        assertThat(plan.registerTaskDefinition()).isFalse();
        assertThat(plan.updateService()).isFalse();
        assertThat(plan.updateAutoscaling()).isFalse();
    }
}
