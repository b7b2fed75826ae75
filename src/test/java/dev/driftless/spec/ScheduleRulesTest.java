package dev.driftless.spec;

import static dev.driftless.spec.RuleCase.error;
import static dev.driftless.spec.RuleCase.valid;
import static dev.driftless.spec.RuleCase.warning;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScheduleRulesTest {
    private static final String S = "environments.dev.schedule";

    static SpecFixture window(SpecFixture s, String window) {
        return s.set(S, "{timezone: America/Los_Angeles, running: [" + window + "]}");
    }

    static Stream<RuleCase> cases() {
        return Stream.of(
                valid("weekday range", s -> window(s, "{days: MON-FRI, from: '08:00', to: '20:00'}")),
                valid("comma list", s -> window(s, "{days: 'SAT,SUN', from: '10:00', to: '14:00'}")),
                valid("YAML list with full names", s -> window(s, "{days: [Monday, wed, FRI], from: '09:00', to: '17:00'}")),
                valid("wrapping range", s -> window(s, "{days: FRI-MON, from: '09:00', to: '17:00'}")),
                error("unknown day", s -> window(s, "{days: MON-FRY, from: '08:00', to: '20:00'}"),
                        S + ".running[0].days", "'MON-FRY' is not a day or day range"),
                error("hour out of range", s -> window(s, "{days: MON, from: '08:00', to: '24:30'}"),
                        S + ".running[0].to", "is not a time of day; write HH:MM"),
                error("not HH:MM", s -> window(s, "{days: MON, from: '0800', to: '20:00'}"),
                        S + ".running[0].from", "'0800' is not a time of day"),
                error("empty window", s -> window(s, "{days: MON, from: '08:00', to: '08:00'}"),
                        S + ".running[0].to", "the window has no length"),
                warning("crossing midnight is allowed and said", s -> window(s, "{days: FRI, from: '22:00', to: '02:00'}"),
                        S + ".running[0].to", "crosses midnight: it starts at 22:00 on each listed day and ends at 02:00 the next day"),
                error("no windows", s -> s.set(S, "{timezone: UTC, running: []}"),
                        S + ".running", "would never run"),
                error("missing timezone", s -> s.set(S, "{running: [{days: MON, from: '08:00', to: '20:00'}]}"),
                        S, "missing required field 'timezone'"),
                error("misspelled zone", s -> window(s, "{days: MON, from: '08:00', to: '20:00'}")
                                .set(S + ".timezone", "Europe/Berln"),
                        S + ".timezone", "did you mean 'Europe/Berlin'?"),
                error("abbreviation is not an IANA zone", s -> window(s, "{days: MON, from: '08:00', to: '20:00'}")
                                .set(S + ".timezone", "PST"),
                        S + ".timezone", "'PST' is not an IANA time zone"),
                error("missing from", s -> window(s, "{days: MON, to: '20:00'}"),
                        S + ".running[0]", "missing required field 'from'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rule(RuleCase c) {
        c.verify();
    }

    @Test
    void unquotedTimesAreReadAsWrittenNotAsYaml11Sexagesimals() {
        String text = SpecFixture.MINIMAL.replace("  prod: { cluster: app-prod }", """
                  prod:
                    cluster: app-prod
                    schedule:
                      timezone: UTC
                      running: [{ days: MON, from: 8:00, to: 20:00 }]
                """.stripTrailing());

        SpecResult r = SpecLoader.load(new SpecSource("t.yaml", text));

        assertThat(r.errors()).isEmpty();
        Schedule.Window w = r.spec().environments().get("prod").schedule().running().get(0);
        assertThat(w.from()).isEqualTo(LocalTime.of(8, 0));
        assertThat(w.to()).isEqualTo(LocalTime.of(20, 0));
    }

    @Test
    void bindsDaysTimesAndZone() {
        SpecResult r = window(SpecFixture.minimal(), "{days: 'SAT-MON', from: '22:00', to: '06:30'}").load();

        Schedule schedule = r.spec().environments().get("dev").schedule();
        assertThat(schedule.timezone().getId()).isEqualTo("America/Los_Angeles");
        Schedule.Window w = schedule.running().get(0);
        assertThat(w.days()).isEqualTo(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY));
        assertThat(w.from()).isEqualTo(LocalTime.of(22, 0));
        assertThat(w.to()).isEqualTo(LocalTime.of(6, 30));
        assertThat(w.crossesMidnight()).isTrue();
    }
}
