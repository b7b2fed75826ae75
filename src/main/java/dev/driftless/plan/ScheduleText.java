package dev.driftless.plan;

import dev.driftless.spec.Schedule;
import dev.driftless.spec.Schedule.Window;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A schedule as text: the canonical form deploy records in the service tag {@link ServiceTags#SCHEDULE}
 * ({@code America/Los_Angeles Mon-Fri 08:00-20:00}, {@code always} without a schedule) and the words a
 * plan shows ({@code weekdays 08:00–20:00 America/Los_Angeles}).
 *
 * <p>The canonical form sorts windows and days, so the same schedule written differently in YAML records
 * the same tag. It uses only what an ECS tag value may hold (letters, digits, spaces and {@code _.:/=+-@});
 * one longer than a tag value allows is recorded as {@code hash:<16 hex>} and can then only be compared.
 */
public final class ScheduleText {
    public static final String ALWAYS = "always";
    static final int TAG_LIMIT = 256;
    private static final String HASHED = "hash:";
    private static final Pattern DAYS = Pattern.compile("([A-Z][a-z]{2})(?:-([A-Z][a-z]{2}))?");
    private static final Pattern TIMES = Pattern.compile("(\\d{2}):(\\d{2})-(\\d{2}):(\\d{2})");
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private static final Set<DayOfWeek> WEEKENDS = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    private static final Comparator<Window> ORDER = Comparator.<Window, DayOfWeek>comparing(w -> first(w.days()))
            .thenComparing(Window::from).thenComparing(Window::to).thenComparing(w -> days(w.days(), "+", "-"));

    private ScheduleText() {
    }

    /** The tag value for an environment's schedule; null (no schedule) is {@value #ALWAYS}. */
    public static String tag(Schedule schedule) {
        String text = canonical(schedule);
        return text.length() <= TAG_LIMIT ? text : HASHED + SpecHash.ofText(text);
    }

    /** The schedule in words, e.g. {@code weekdays 08:00–20:00 America/Los_Angeles}; null is {@code always running}. */
    public static String words(Schedule schedule) {
        if (schedule == null) {
            return "always running";
        }
        return sorted(schedule).stream()
                .map(w -> dayWords(w.days()) + " " + (w.from().equals(w.to()) ? "all day" : w.from() + "–" + w.to()))
                .collect(Collectors.joining("; ")) + " " + schedule.timezone().getId();
    }

    /** A recorded tag value in words; a hashed or unreadable one is quoted as recorded. */
    public static String recordedWords(String tag) {
        if (tag.equals(ALWAYS)) {
            return words(null);
        }
        return parse(tag).map(ScheduleText::words).orElse("a schedule recorded as " + tag);
    }

    static String canonical(Schedule schedule) {
        if (schedule == null) {
            return ALWAYS;
        }
        StringBuilder text = new StringBuilder(schedule.timezone().getId());
        for (Window w : sorted(schedule)) {
            text.append(' ').append(days(w.days(), "+", "-")).append(' ').append(w.from()).append('-').append(w.to());
        }
        return text.toString();
    }

    /** The inverse of {@link #canonical} for a weekly schedule; empty for anything else. */
    static Optional<Schedule> parse(String text) {
        String[] parts = text.trim().split(" ");
        if (parts.length < 3 || parts.length % 2 == 0 || !ZoneId.getAvailableZoneIds().contains(parts[0])) {
            return Optional.empty();
        }
        List<Window> windows = new ArrayList<>();
        for (int i = 1; i < parts.length; i += 2) {
            Optional<Set<DayOfWeek>> days = parseDays(parts[i]);
            Matcher t = TIMES.matcher(parts[i + 1]);
            if (days.isEmpty() || !t.matches()) {
                return Optional.empty();
            }
            try {
                windows.add(new Window(days.get(), LocalTime.of(Integer.parseInt(t.group(1)), Integer.parseInt(t.group(2))),
                        LocalTime.of(Integer.parseInt(t.group(3)), Integer.parseInt(t.group(4)))));
            } catch (java.time.DateTimeException e) {
                return Optional.empty();
            }
        }
        return Optional.of(new Schedule(ZoneId.of(parts[0]), windows));
    }

    private static Optional<Set<DayOfWeek>> parseDays(String token) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String range : token.split("\\+")) {
            Matcher m = DAYS.matcher(range);
            Optional<DayOfWeek> from = m.matches() ? day(m.group(1)) : Optional.empty();
            Optional<DayOfWeek> to = from.isEmpty() || m.group(2) == null ? from : day(m.group(2));
            if (from.isEmpty() || to.isEmpty() || to.get().compareTo(from.get()) < 0) {
                return Optional.empty();
            }
            days.addAll(EnumSet.range(from.get(), to.get()));
        }
        return Optional.of(days);
    }

    private static Optional<DayOfWeek> day(String abbreviation) {
        return EnumSet.allOf(DayOfWeek.class).stream().filter(d -> abbreviation(d).equals(abbreviation)).findFirst();
    }

    private static String dayWords(Set<DayOfWeek> days) {
        if (days.size() == 7) {
            return "every day";
        }
        if (days.equals(WEEKDAYS)) {
            return "weekdays";
        }
        if (days.equals(WEEKENDS)) {
            return "weekends";
        }
        return days(days, ", ", "–");
    }

    /** Days Monday first, consecutive ones as a range: {@code Mon-Wed+Fri} with ("+", "-"). */
    private static String days(Set<DayOfWeek> days, String separator, String dash) {
        List<String> ranges = new ArrayList<>();
        DayOfWeek start = null;
        for (DayOfWeek d : DayOfWeek.values()) {
            boolean in = days.contains(d);
            if (in && start == null) {
                start = d;
            }
            boolean last = d == DayOfWeek.SUNDAY || !days.contains(d.plus(1));
            if (in && last) {
                ranges.add(start == d ? abbreviation(d) : abbreviation(start) + dash + abbreviation(d));
                start = null;
            }
        }
        return String.join(separator, ranges);
    }

    private static String abbreviation(DayOfWeek d) {
        return d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }

    private static DayOfWeek first(Set<DayOfWeek> days) {
        return days.stream().min(Comparator.naturalOrder()).orElse(DayOfWeek.MONDAY);
    }

    private static List<Window> sorted(Schedule schedule) {
        return schedule.running().stream().sorted(ORDER).toList();
    }
}
