package dev.driftless.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftless.spec.Schedule;
import dev.driftless.spec.Schedule.Window;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The schedule's tag text (canonical, within ECS's tag rules) and its words. */
class ScheduleTextTest {
    /** What an ECS tag value may hold. */
    private static final String TAG_VALUE = "[\\p{L}\\p{N} _.:/=+\\-@]{0,256}";
    private static final ZoneId LA = ZoneId.of("America/Los_Angeles");

    private static Window window(Set<DayOfWeek> days, String from, String to) {
        return new Window(days, LocalTime.parse(from), LocalTime.parse(to));
    }

    private static Schedule la(Window... windows) {
        return new Schedule(LA, List.of(windows));
    }

    static Stream<Arguments> schedules() {
        var weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        return Stream.of(
                // schedule, tag, words
                Arguments.of(null, "always", "always running"),
                Arguments.of(la(window(weekdays, "08:00", "20:00")), "America/Los_Angeles Mon-Fri 08:00-20:00",
                        "weekdays 08:00–20:00 America/Los_Angeles"),
                Arguments.of(la(window(EnumSet.allOf(DayOfWeek.class), "07:00", "07:00")),
                        "America/Los_Angeles Mon-Sun 07:00-07:00", "every day all day America/Los_Angeles"),
                Arguments.of(la(window(EnumSet.of(DayOfWeek.FRIDAY), "20:00", "02:00"), window(weekdays, "08:00", "20:00")),
                        "America/Los_Angeles Mon-Fri 08:00-20:00 Fri 20:00-02:00",
                        "weekdays 08:00–20:00; Fri 20:00–02:00 America/Los_Angeles"),
                Arguments.of(new Schedule(ZoneId.of("Etc/GMT+5"), List.of(window(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY,
                                DayOfWeek.THURSDAY, DayOfWeek.SUNDAY), "09:30", "17:45"))),
                        "Etc/GMT+5 Mon+Wed-Thu+Sun 09:30-17:45", "Mon, Wed–Thu, Sun 09:30–17:45 Etc/GMT+5"),
                Arguments.of(la(window(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), "10:00", "14:00")),
                        "America/Los_Angeles Sat-Sun 10:00-14:00", "weekends 10:00–14:00 America/Los_Angeles"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("schedules")
    void tagAndWords(Schedule schedule, String tag, String words) {
        assertThat(ScheduleText.tag(schedule)).isEqualTo(tag).matches(TAG_VALUE);
        assertThat(ScheduleText.words(schedule)).isEqualTo(words);
        // the plan describes the recorded side from the tag alone
        assertThat(ScheduleText.recordedWords(tag)).isEqualTo(words);
    }

    @Test
    void theSameScheduleWrittenInAnotherOrderRecordsTheSameTag() {
        Window weekdays = window(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), "08:00", "20:00");
        Window saturday = window(EnumSet.of(DayOfWeek.SATURDAY), "10:00", "14:00");

        assertThat(ScheduleText.tag(la(saturday, weekdays))).isEqualTo(ScheduleText.tag(la(weekdays, saturday)));
    }

    @Test
    void aScheduleTooLongForATagIsRecordedAsAHashThatStillTellsSchedulesApart() {
        List<Window> many = new ArrayList<>();
        for (int hour = 0; hour < 23; hour++) {
            many.add(window(EnumSet.of(DayOfWeek.of(hour % 7 + 1)), "%02d:00".formatted(hour), "%02d:30".formatted(hour)));
        }
        Schedule long1 = new Schedule(LA, many);
        Schedule long2 = new Schedule(LA, many.subList(1, many.size()));

        assertThat(ScheduleText.canonical(long1)).hasSizeGreaterThan(ScheduleText.TAG_LIMIT);
        assertThat(ScheduleText.tag(long1)).matches("hash:[0-9a-f]{16}").matches(TAG_VALUE)
                .isEqualTo(ScheduleText.tag(new Schedule(LA, List.copyOf(many))))
                .isNotEqualTo(ScheduleText.tag(long2));
        assertThat(ScheduleText.recordedWords(ScheduleText.tag(long1))).startsWith("a schedule recorded as hash:");
    }

    @Test
    void anUnreadableTagIsQuotedNotGuessed() {
        assertThat(ScheduleText.recordedWords("Mars/Olympus Mon-Fri 08:00-20:00"))
                .isEqualTo("a schedule recorded as Mars/Olympus Mon-Fri 08:00-20:00");
        assertThat(ScheduleText.recordedWords("America/Los_Angeles Fri-Mon 08:00-20:00"))
                .isEqualTo("a schedule recorded as America/Los_Angeles Fri-Mon 08:00-20:00");
    }
}
