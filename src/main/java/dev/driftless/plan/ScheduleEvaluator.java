package dev.driftless.plan;

import dev.driftless.spec.Schedule;
import dev.driftless.spec.Schedule.Window;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers the questions a schedule raises — running at an instant, the next start or stop, running
 * hours in a month — on the real calendar of the schedule's IANA zone, so DST days are 23 or 25 hours
 * long and a window's edges follow local wall-clock time.
 *
 * <p>A window whose {@code from} equals its {@code to} runs the whole day (00:00–00:00), since a
 * {@code LocalTime} cannot say 24:00. Windows that overlap or touch (Mon 20:00–08:00 then Tue
 * 08:00–20:00) form one running period with no transition between them.
 */
public final class ScheduleEvaluator {
    /** Weekly windows repeat within 8 days, so two weeks of look-ahead always finds a real transition. */
    private static final int HORIZON_DAYS = 15;

    private final Schedule schedule;

    public ScheduleEvaluator(Schedule schedule) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
    }

    /** An environment without a schedule runs all the time; months are then counted in {@code zone}. */
    public static ScheduleEvaluator alwaysRunning(ZoneId zone) {
        LocalTime midnight = LocalTime.MIDNIGHT;
        return new ScheduleEvaluator(new Schedule(zone, List.of(new Window(EnumSet.allOf(DayOfWeek.class), midnight, midnight))));
    }

    /** The evaluator for an optional schedule: absent means always running (months counted in UTC). */
    public static ScheduleEvaluator of(Optional<Schedule> schedule) {
        return schedule.map(ScheduleEvaluator::new).orElseGet(() -> alwaysRunning(ZoneId.of("UTC")));
    }

    public ZoneId zone() {
        return schedule.timezone();
    }

    public boolean runningAt(Instant instant) {
        LocalDate day = instant.atZone(zone()).toLocalDate();
        return periods(day.minusDays(1), day).stream().anyMatch(p -> p.contains(instant));
    }

    /** The first start or stop strictly after {@code instant}; empty when the schedule never changes state. */
    public Optional<Transition> nextTransition(Instant instant) {
        LocalDate day = instant.atZone(zone()).toLocalDate();
        LocalDate last = day.plusDays(HORIZON_DAYS);
        Instant horizon = last.atStartOfDay(zone()).toInstant();
        for (Period p : periods(day.minusDays(1), last)) {
            if (p.start().isAfter(instant) && p.start().isBefore(horizon)) {
                return Optional.of(new Transition(Transition.Kind.START, p.start()));
            }
            if (p.end().isAfter(instant) && p.end().isBefore(horizon)) {
                return Optional.of(new Transition(Transition.Kind.STOP, p.end()));
            }
        }
        return Optional.empty();
    }

    /** Real elapsed running time within the calendar month, from local midnight on the 1st to the next 1st. */
    public Duration runningTime(YearMonth month) {
        Instant from = month.atDay(1).atStartOfDay(zone()).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone()).toInstant();
        Duration total = Duration.ZERO;
        for (Period p : periods(month.atDay(1).minusDays(1), month.atEndOfMonth())) {
            Instant s = p.start().isBefore(from) ? from : p.start();
            Instant e = p.end().isAfter(to) ? to : p.end();
            if (e.isAfter(s)) {
                total = total.plus(Duration.between(s, e));
            }
        }
        return total;
    }

    public double runningHours(YearMonth month) {
        return runningTime(month).toSeconds() / 3600.0;
    }

    /** How long the month really is in the zone (743 h for March 2026 in Los Angeles, 721 h for November). */
    public Duration monthLength(YearMonth month) {
        return Duration.between(
                month.atDay(1).atStartOfDay(zone()),
                month.plusMonths(1).atDay(1).atStartOfDay(zone()));
    }

    /** Hours the schedule keeps the environment stopped in the month: its length minus the running hours. */
    public double stoppedHours(YearMonth month) {
        return monthLength(month).minus(runningTime(month)).toSeconds() / 3600.0;
    }

    /** Running periods of windows starting on days {@code first..last}, merged where they overlap or touch, in order. */
    private List<Period> periods(LocalDate first, LocalDate last) {
        List<Period> raw = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            for (Window w : schedule.running()) {
                if (w.days().contains(d.getDayOfWeek())) {
                    LocalDate endDay = w.crossesMidnight() || w.from().equals(w.to()) ? d.plusDays(1) : d;
                    // ZonedDateTime.of moves a time in a spring-forward gap later by the gap's length
                    Instant start = ZonedDateTime.of(d, w.from(), zone()).toInstant();
                    Instant end = ZonedDateTime.of(endDay, w.to(), zone()).toInstant();
                    if (end.isAfter(start)) {
                        raw.add(new Period(start, end));
                    }
                }
            }
        }
        raw.sort(Comparator.comparing(Period::start));
        List<Period> merged = new ArrayList<>();
        for (Period p : raw) {
            if (!merged.isEmpty() && !p.start().isAfter(merged.get(merged.size() - 1).end())) {
                Period prev = merged.remove(merged.size() - 1);
                merged.add(new Period(prev.start(), p.end().isAfter(prev.end()) ? p.end() : prev.end()));
            } else {
                merged.add(p);
            }
        }
        return merged;
    }

    private record Period(Instant start, Instant end) {
        boolean contains(Instant t) {
            return !t.isBefore(start) && t.isBefore(end);
        }
    }

    /** A change of state: the environment starts or stops at {@code at}. */
    public record Transition(Kind kind, Instant at) {
        public enum Kind { START, STOP }

        public ZonedDateTime local(ZoneId zone) {
            return at.atZone(zone);
        }
    }
}
