package dev.driftless.tracker;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Change Log": the run's line under its date, dates newest first and lines within a date newest first (by the
 * time each driftless line ends with), so a late or replayed run lands where it belongs; a line already there
 * is not repeated.
 */
final class ChangeLog {
    private static final Pattern DATE_HEADING = Pattern.compile("### (\\d{4}-\\d{2}-\\d{2})\\b.*");
    private static final Pattern AT = Pattern.compile(".*\\[(\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z)]$");

    private ChangeLog() {
    }

    /** Returns a warning, or null. */
    static String apply(TrackerDocument doc, LocalDate date, String entry) {
        var section = doc.section(2, "Change Log");
        if (section.isEmpty()) {
            return "the tracker has no \"## Change Log\" section; this run was not logged";
        }
        var s = section.get();
        String heading = "### " + date;
        String bullet = "- " + entry;
        var today = doc.find(heading, s.bodyStart()).filter(i -> i < s.end());
        if (today.isPresent()) {
            int i = today.get() + 1;
            Optional<Instant> mine = at(bullet);
            int insertAt = -1;
            while (i < s.end() && doc.line(i).startsWith("- ")) {
                if (doc.line(i).equals(bullet)) {
                    return null;
                }
                Optional<Instant> theirs = at(doc.line(i));
                if (insertAt < 0 && mine.isPresent() && theirs.isPresent() && theirs.get().isBefore(mine.get())) {
                    insertAt = i;
                }
                i++;
            }
            doc.insert(insertAt < 0 ? (mine.isPresent() ? i : today.get() + 1) : insertAt, List.of(bullet));
            return null;
        }
        int first = s.bodyStart();
        while (first < s.end() && doc.line(first).isBlank()) {
            first++;
        }
        // before the first older date; after every newer one
        int at = first;
        for (int i = first; i < s.end(); i++) {
            Matcher m = DATE_HEADING.matcher(doc.line(i));
            if (m.matches()) {
                Optional<LocalDate> d = date(m.group(1));
                if (d.isPresent() && d.get().isBefore(date)) {
                    at = i;
                    break;
                }
                at = nextHeading(doc, i + 1, s.end());
            }
        }
        if (at >= s.end()) {
            at = s.end();
            while (at > first && doc.line(at - 1).isBlank()) {
                at--;
            }
            doc.insert(at, List.of("", heading, bullet));
            return null;
        }
        doc.insert(at, List.of(heading, bullet, ""));
        return null;
    }

    private static int nextHeading(TrackerDocument doc, int from, int end) {
        int i = from;
        while (i < end && !doc.line(i).startsWith("### ")) {
            i++;
        }
        return i;
    }

    private static Optional<Instant> at(String line) {
        Matcher m = AT.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(m.group(1)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
