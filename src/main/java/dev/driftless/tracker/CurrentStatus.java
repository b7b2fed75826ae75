package dev.driftless.tracker;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Current Status": the {@code **Last Updated**} date and the {@code **Infrastructure State**} line.
 * The state keeps one segment per application and environment ("🟢 app dev: …; ⏸️ app prod: …"), so a
 * prod deploy does not erase what dev is doing; a state not written by driftless is replaced whole.
 */
final class CurrentStatus {
    private static final String LAST_UPDATED = "**Last Updated**:";
    private static final String STATE = "**Infrastructure State**:";
    private static final String SEPARATOR = "; ";
    private static final Pattern SEGMENT = Pattern.compile("^\\S+ (\\S+ \\S+): .*");

    private CurrentStatus() {
    }

    /** Returns a warning, or null when the section was updated. */
    static String apply(TrackerDocument doc, LocalDate date, String application, String environment, String state) {
        var section = doc.section(2, "Current Status");
        if (section.isEmpty()) {
            return "the tracker has no \"## Current Status\" section; Last Updated and Infrastructure State were not recorded";
        }
        var s = section.get();
        List<String> missing = new ArrayList<>();
        doc.findPrefix(LAST_UPDATED, s.bodyStart(), s.end()).ifPresentOrElse(
                i -> doc.set(i, LAST_UPDATED + " " + date),
                () -> missing.add(LAST_UPDATED));
        if (state != null) {
            doc.findPrefix(STATE, s.bodyStart(), s.end()).ifPresentOrElse(
                    i -> doc.set(i, STATE + " " + merge(doc.line(i).substring(STATE.length()).trim(), application, environment, state)),
                    () -> missing.add(STATE));
        }
        return missing.isEmpty() ? null
                : "the \"Current Status\" section has no " + String.join(" or ", missing) + " line; it was left as is";
    }

    /** Replaces this application+environment's segment of the state line, keeping the others. */
    static String merge(String current, String application, String environment, String state) {
        String key = application + " " + environment;
        List<String> segments = new ArrayList<>();
        boolean replaced = false;
        for (String segment : current.split(Pattern.quote(SEPARATOR))) {
            Matcher m = SEGMENT.matcher(segment.trim());
            if (!m.matches()) {
                continue; // not ours (e.g. "⏳ Planning phase"): superseded by what driftless now knows
            }
            if (m.group(1).equals(key)) {
                if (!replaced) {
                    segments.add(state);
                    replaced = true;
                }
            } else {
                segments.add(segment.trim());
            }
        }
        if (!replaced) {
            segments.add(state);
        }
        segments.sort(null);
        return String.join(SEPARATOR, segments);
    }
}
