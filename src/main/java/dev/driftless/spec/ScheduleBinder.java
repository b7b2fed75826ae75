package dev.driftless.spec;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Binds {@code schedule: {timezone, running: [{days, from, to}]}}: IANA zones (with a suggestion for a
 * near miss), days as {@code MON-FRI}, {@code MON,WED,FRI}, a list of those, or full names, and
 * {@code HH:MM} times. Whether a window makes sense is {@link ScheduleRules}' business.
 */
final class ScheduleBinder {
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");
    private final Problems problems;

    ScheduleBinder(Problems problems) {
        this.problems = problems;
    }

    Schedule schedule(MappingReader s) {
        ZoneId zone = s.require("timezone") ? zone(s.string("timezone"), s.child("timezone")) : null;
        s.require("running");
        List<Schedule.Window> running = s.list("running", (node, path) ->
                MappingReader.object(node, path, Shapes.WINDOW, problems).map(this::window).orElse(null));
        return new Schedule(zone, running);
    }

    private ZoneId zone(String text, String path) {
        if (text == null) {
            return null;
        }
        if (ZoneId.getAvailableZoneIds().contains(text)) {
            return ZoneId.of(text);
        }
        problems.error(path, "'" + text + "' is not an IANA time zone (like America/Los_Angeles or Europe/Berlin)"
                + DidYouMean.hint(text, ZoneId.getAvailableZoneIds()));
        return null;
    }

    private Schedule.Window window(MappingReader w) {
        Set<DayOfWeek> days = w.require("days") ? days(w.node("days"), w.child("days")) : null;
        LocalTime from = w.require("from") ? time(w.string("from"), w.child("from")) : null;
        LocalTime to = w.require("to") ? time(w.string("to"), w.child("to")) : null;
        if (days == null || from == null || to == null) {
            return null;
        }
        return new Schedule.Window(days, from, to);
    }

    private Set<DayOfWeek> days(Node node, String path) {
        List<String> parts = new ArrayList<>();
        if (node instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                String t = Scalars.text(item, path, problems);
                if (t != null) {
                    parts.add(t);
                }
            }
        } else {
            String t = Scalars.text(node, path, problems);
            if (t == null) {
                return null;
            }
            parts.addAll(List.of(t.split(",")));
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : parts) {
            if (!addDays(part.trim(), days)) {
                problems.error(path, "'" + part.trim() + "' is not a day or day range; write MON-FRI, SAT,SUN or "
                        + "a list like [MON, WED, FRI]");
                return null;
            }
        }
        if (days.isEmpty()) {
            problems.error(path, "no days given; write MON-FRI, SAT,SUN or a list like [MON, WED, FRI]");
            return null;
        }
        return days;
    }

    /** Adds one day or an inclusive range (which may wrap, FRI-MON); false when it does not parse. */
    private static boolean addDays(String part, Set<DayOfWeek> into) {
        String[] ends = part.split("-", -1);
        if (ends.length > 2) {
            return false;
        }
        DayOfWeek first = day(ends[0]);
        DayOfWeek last = ends.length == 2 ? day(ends[1]) : first;
        if (first == null || last == null) {
            return false;
        }
        for (DayOfWeek d = first; ; d = d.plus(1)) {
            into.add(d);
            if (d == last) {
                return true;
            }
        }
    }

    private static DayOfWeek day(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (t.length() >= 3 && d.name().startsWith(t)) {
                return d;
            }
        }
        return null;
    }

    private LocalTime time(String text, String path) {
        if (text == null) {
            return null;
        }
        Matcher m = TIME.matcher(text.trim());
        if (m.matches()) {
            int h = Integer.parseInt(m.group(1));
            int min = Integer.parseInt(m.group(2));
            if (h < 24 && min < 60) {
                return LocalTime.of(h, min);
            }
        }
        problems.error(path, "'" + text + "' is not a time of day; write HH:MM from 00:00 to 23:59 (quote it: \"08:00\")");
        return null;
    }
}
