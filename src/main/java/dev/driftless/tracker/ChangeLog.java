package dev.driftless.tracker;

import java.time.LocalDate;
import java.util.List;

/** "Change Log": the run's line under today's date, the newest date first; a line already there is not repeated. */
final class ChangeLog {
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
            while (i < s.end() && doc.line(i).startsWith("- ")) {
                if (doc.line(i).equals(bullet)) {
                    return null;
                }
                i++;
            }
            doc.insert(today.get() + 1, List.of(bullet));
            return null;
        }
        int first = s.bodyStart();
        while (first < s.end() && doc.line(first).isBlank()) {
            first++;
        }
        doc.insert(first, List.of(heading, bullet, ""));
        return null;
    }
}
