package dev.driftless.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftless.plan.ScheduleEvaluator.Transition;
import dev.driftless.plan.ScheduleEvaluator.Transition.Kind;
import dev.driftless.spec.Schedule;
import dev.driftless.spec.Schedule.Window;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleEvaluatorTest {
    private static final EnumSet<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private static final EnumSet<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);

    /** The schedules the tables refer to by name. */
    private static final Map<String, Schedule> SCHEDULES = Map.of(
            "la-weekdays", schedule("America/Los_Angeles", new Window(WEEKDAYS, t("08:00"), t("20:00"))),
            "la-nights", schedule("America/Los_Angeles", new Window(EVERY_DAY, t("22:00"), t("06:00"))),
            "tokyo-weekdays", schedule("Asia/Tokyo", new Window(WEEKDAYS, t("09:00"), t("18:00"))),
            "berlin-weekdays", schedule("Europe/Berlin", new Window(WEEKDAYS, t("07:00"), t("19:00"))),
            "berlin-friday-night", schedule("Europe/Berlin", new Window(EnumSet.of(DayOfWeek.FRIDAY), t("20:00"), t("02:00"))),
            "la-always", schedule("America/Los_Angeles", new Window(EVERY_DAY, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)),
            "never", schedule("UTC"),
            "la-touching", schedule("America/Los_Angeles",
                    new Window(EnumSet.of(DayOfWeek.MONDAY), t("20:00"), t("08:00")),
                    new Window(EnumSet.of(DayOfWeek.TUESDAY), t("08:00"), t("20:00"))));

    @ParameterizedTest(name = "{0} at {1} ({3}) → running={2}")
    @CsvSource(delimiter = '|', textBlock = """
            la-weekdays     | 2026-11-25T16:00:00Z | true  | Wed 08:00 PST, the window's first instant
            la-weekdays     | 2026-11-25T15:59:59Z | false | Wed 07:59:59 PST, one second early
            la-weekdays     | 2026-11-26T03:59:59Z | true  | Wed 19:59:59 PST
            la-weekdays     | 2026-11-26T04:00:00Z | false | Wed 20:00 PST, the end is exclusive
            la-weekdays     | 2026-11-25T20:00:00Z | true  | Wed 12:00 PST
            la-weekdays     | 2026-11-28T20:00:00Z | false | Sat 12:00 PST, weekend
            la-weekdays     | 2026-11-29T20:00:00Z | false | Sun 12:00 PST, weekend
            la-weekdays     | 2026-03-06T15:30:00Z | false | Fri 07:30 PST, before the spring change
            la-weekdays     | 2026-03-09T14:59:00Z | false | Mon 07:59 PDT, after the spring change
            la-weekdays     | 2026-03-09T15:00:00Z | true  | Mon 08:00 PDT (in winter 15:00Z would be 07:00)
            la-weekdays     | 2026-10-30T15:00:00Z | true  | Fri 08:00 PDT, before the autumn change
            la-weekdays     | 2026-11-02T15:30:00Z | false | Mon 07:30 PST, after the autumn change
            la-weekdays     | 2026-11-02T16:00:00Z | true  | Mon 08:00 PST
            la-nights       | 2026-03-08T06:00:00Z | true  | Sat 22:00 PST, start of the short night
            la-nights       | 2026-03-08T09:59:00Z | true  | Sun 01:59 PST, just before the gap
            la-nights       | 2026-03-08T10:00:00Z | true  | Sun 03:00 PDT, just after the gap
            la-nights       | 2026-03-08T12:59:00Z | true  | Sun 05:59 PDT
            la-nights       | 2026-03-08T13:00:00Z | false | Sun 06:00 PDT, the short night ends after 7 h
            la-nights       | 2026-11-01T08:30:00Z | true  | Sun 01:30 PDT, the first 01:30
            la-nights       | 2026-11-01T09:30:00Z | true  | Sun 01:30 PST, the repeated 01:30
            la-nights       | 2026-11-01T13:59:00Z | true  | Sun 05:59 PST
            la-nights       | 2026-11-01T14:00:00Z | false | Sun 06:00 PST, the long night ends after 9 h
            la-nights       | 2026-11-25T20:00:00Z | false | Wed 12:00 PST, daytime
            tokyo-weekdays  | 2026-11-23T00:30:00Z | true  | Mon 09:30 JST while it is still Monday 00:30 UTC
            tokyo-weekdays  | 2026-11-22T23:30:00Z | false | Mon 08:30 JST (Sunday in UTC)
            tokyo-weekdays  | 2026-11-27T12:00:00Z | false | Fri 21:00 JST although 12:00 UTC is inside 09-18
            tokyo-weekdays  | 2026-11-27T08:59:59Z | true  | Fri 17:59:59 JST
            tokyo-weekdays  | 2026-11-28T01:00:00Z | false | Sat 10:00 JST, weekend
            berlin-weekdays | 2026-03-27T05:00:00Z | false | Fri 06:00 CET, before the change
            berlin-weekdays | 2026-03-30T05:00:00Z | true  | Mon 07:00 CEST, after the change
            berlin-weekdays | 2026-10-26T05:00:00Z | false | Mon 06:00 CET, after the autumn change
            berlin-weekdays | 2026-10-26T06:00:00Z | true  | Mon 07:00 CET
            berlin-friday-night | 2026-11-27T19:00:00Z | true  | Fri 20:00 CET
            berlin-friday-night | 2026-11-28T00:59:00Z | true  | Sat 01:59 CET, after midnight, started Friday
            berlin-friday-night | 2026-11-28T01:00:00Z | false | Sat 02:00 CET
            berlin-friday-night | 2026-11-28T19:30:00Z | false | Sat 20:30 CET, Saturday is not listed
            berlin-friday-night | 2026-11-26T23:30:00Z | false | Fri 00:30 CET, Thursday is not listed
            la-always       | 2026-03-08T10:30:00Z | true  | inside the DST gap's day
            never           | 2026-11-25T12:00:00Z | false | no windows
            """)
    void runningAt(String schedule, Instant at, boolean running, String why) {
        assertThat(new ScheduleEvaluator(SCHEDULES.get(schedule)).runningAt(at)).as(why).isEqualTo(running);
    }

    @ParameterizedTest(name = "{0} after {1} → {2} at {3} ({4})")
    @CsvSource(delimiter = '|', textBlock = """
            la-weekdays     | 2026-11-25T12:00:00Z | START | 2026-11-25T16:00:00Z | Wed 04:00 → Wed 08:00 PST
            la-weekdays     | 2026-11-25T20:00:00Z | STOP  | 2026-11-26T04:00:00Z | Wed noon → Wed 20:00 PST
            la-weekdays     | 2026-11-25T16:00:00Z | STOP  | 2026-11-26T04:00:00Z | strictly after: a start at the instant is not next
            la-weekdays     | 2026-11-28T05:00:00Z | START | 2026-11-30T16:00:00Z | Fri 21:00 → Mon 08:00 PST, over the weekend
            la-weekdays     | 2026-03-07T05:00:00Z | START | 2026-03-09T15:00:00Z | over the spring change: Mon 08:00 is PDT
            la-weekdays     | 2026-10-31T03:00:00Z | START | 2026-11-02T16:00:00Z | over the autumn change: Mon 08:00 is PST
            la-nights       | 2026-03-08T07:00:00Z | STOP  | 2026-03-08T13:00:00Z | the short night ends at 06:00 PDT
            la-nights       | 2026-11-01T07:00:00Z | STOP  | 2026-11-01T14:00:00Z | the long night ends at 06:00 PST
            la-nights       | 2026-11-25T20:00:00Z | START | 2026-11-26T06:00:00Z | Wed noon → Wed 22:00 PST
            tokyo-weekdays  | 2026-11-27T12:00:00Z | START | 2026-11-30T00:00:00Z | Fri 21:00 JST → Mon 09:00 JST (Sunday in UTC)
            berlin-friday-night | 2026-11-25T12:00:00Z | START | 2026-11-27T19:00:00Z | Wed → Fri 20:00 CET
            berlin-friday-night | 2026-11-27T20:00:00Z | STOP  | 2026-11-28T01:00:00Z | crosses midnight into Saturday 02:00 CET
            la-touching     | 2026-11-24T05:00:00Z | STOP  | 2026-11-25T04:00:00Z | Mon 21:00 → Tue 20:00 PST: touching windows are one period
            """)
    void nextTransition(String schedule, Instant after, Kind kind, Instant at, String why) {
        assertThat(new ScheduleEvaluator(SCHEDULES.get(schedule)).nextTransition(after))
                .as(why).contains(new Transition(kind, at));
    }

    @ParameterizedTest(name = "{0} never changes state")
    @CsvSource({"la-always", "never"})
    void noTransitionWhenTheStateNeverChanges(String schedule) {
        assertThat(new ScheduleEvaluator(SCHEDULES.get(schedule)).nextTransition(Instant.parse("2026-11-25T12:00:00Z"))).isEmpty();
    }

    /**
     * Weekdays 08:00-20:00 never touch 02:00, so DST does not change a day's 12 hours: March 2026 has 22
     * weekdays (264 h), November 2026 has 21 (252 h). The nightly 22:00-06:00 window does cross 02:00:
     * March = 6 h of the night that began 28 Feb + 30 nights × 8 h − 1 h (the 7 h night of 7→8 March)
     * + 2 h of the night that begins 31 March = 247 h. November = 7 h of the 9 h night that began
     * 31 October (00:00 PDT → 06:00 PST) + 29 nights × 8 h + 2 h = 241 h. Always-on is the month's real
     * length: 31 × 24 − 1 = 743 h in March, 30 × 24 + 1 = 721 h in November.
     */
    @ParameterizedTest(name = "{0} in {1}: {2} h running of {3} h")
    @CsvSource(delimiter = '|', textBlock = """
            la-weekdays     | 2026-03 | 264 | 743
            la-weekdays     | 2026-11 | 252 | 721
            la-nights       | 2026-03 | 247 | 743
            la-nights       | 2026-11 | 241 | 721
            la-always       | 2026-03 | 743 | 743
            la-always       | 2026-11 | 721 | 721
            tokyo-weekdays  | 2026-11 | 189 | 720
            never           | 2026-11 | 0   | 720
            """)
    void runningHoursInAMonthFollowTheRealCalendar(String schedule, YearMonth month, double running, long length) {
        ScheduleEvaluator evaluator = new ScheduleEvaluator(SCHEDULES.get(schedule));
        assertThat(evaluator.runningHours(month)).isEqualTo(running);
        assertThat(evaluator.monthLength(month)).isEqualTo(Duration.ofHours(length));
        assertThat(evaluator.stoppedHours(month)).isEqualTo(length - running);
    }

    @Test
    void anAbsentScheduleRunsAllTheTime() {
        ScheduleEvaluator evaluator = ScheduleEvaluator.of(Optional.empty());
        assertThat(evaluator.runningAt(Instant.parse("2026-11-28T03:00:00Z"))).isTrue();
        assertThat(evaluator.runningHours(YearMonth.of(2026, 2))).isEqualTo(28 * 24.0);
        assertThat(evaluator.nextTransition(Instant.parse("2026-11-28T03:00:00Z"))).isEmpty();
    }

    private static Schedule schedule(String zone, Window... windows) {
        return new Schedule(ZoneId.of(zone), List.of(windows));
    }

    private static LocalTime t(String hhmm) {
        return LocalTime.parse(hhmm);
    }

    /** As docs/schedule.md says: a start inside the spring-forward gap moves later by the gap. */
    @org.junit.jupiter.api.Test
    void aWindowStartingInTheSpringGapStartsLaterByTheGap() {
        // LA, Sunday 2026-03-08: 02:00 PST jumps to 03:00 PDT; 02:30 does not exist that day
        ScheduleEvaluator e = new ScheduleEvaluator(schedule("America/Los_Angeles",
                new Window(EnumSet.of(DayOfWeek.SUNDAY), t("02:30"), t("05:00"))));
        assertThat(e.runningAt(java.time.Instant.parse("2026-03-08T10:29:00Z"))).as("03:29 PDT").isFalse();
        assertThat(e.runningAt(java.time.Instant.parse("2026-03-08T10:30:00Z"))).as("03:30 PDT").isTrue();
    }

    /** As docs/schedule.md says: a time inside the autumn overlap means its first occurrence. */
    @org.junit.jupiter.api.Test
    void aWindowStartingInTheAutumnOverlapStartsAtItsFirstOccurrence() {
        // LA, Sunday 2026-11-01: 01:00-02:00 happens twice (PDT, then PST)
        ScheduleEvaluator e = new ScheduleEvaluator(schedule("America/Los_Angeles",
                new Window(EnumSet.of(DayOfWeek.SUNDAY), t("01:30"), t("05:00"))));
        assertThat(e.runningAt(java.time.Instant.parse("2026-11-01T08:29:00Z"))).as("01:29 PDT").isFalse();
        assertThat(e.runningAt(java.time.Instant.parse("2026-11-01T08:30:00Z"))).as("01:30 PDT, the first").isTrue();
    }
}
