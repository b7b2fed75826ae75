package dev.driftless.tracker;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Ticks ({@code - [ ]} → {@code - [x]}) the checklist items the evidence proves; never unticks. */
final class Checklist {
    private static final Pattern OPEN_ITEM = Pattern.compile("^(\\s*[-*] )\\[ \\]( )(.+)$");
    private static final Pattern PR_HEADING = Pattern.compile("^## (PR\\d+):.*");

    private Checklist() {
    }

    /** Ticks items and returns the ids ("PR3") of the PR sections whose checklist changed. */
    static Set<String> tick(TrackerDocument doc, ChecklistEvidence mapping, Set<String> evidence) {
        Set<String> changed = new LinkedHashSet<>();
        String currentPr = null;
        for (int i = 0; i < doc.size(); i++) {
            String line = doc.line(i);
            if (TrackerDocument.headingLevel(line) == 2 && !doc.fenced(i)) {
                Matcher pr = PR_HEADING.matcher(line);
                currentPr = pr.matches() ? pr.group(1) : null;
            }
            Matcher m = OPEN_ITEM.matcher(line);
            if (m.matches() && mapping.proves(m.group(3), evidence) && !doc.fenced(i)) {
                doc.set(i, m.group(1) + "[x]" + m.group(2) + m.group(3));
                if (currentPr != null) {
                    changed.add(currentPr);
                }
            }
        }
        return changed;
    }

    /** Checked and total items in a PR section's checklist. */
    record Progress(int checked, int total) {
        int percent() {
            return total == 0 ? 0 : (int) Math.round(100.0 * checked / total);
        }

        String status() {
            if (total > 0 && checked == total) {
                return "🟢 Complete";
            }
            return checked == 0 ? "🔴 Not Started" : "🟡 In Progress";
        }
    }

    static Progress progress(TrackerDocument doc, String prId) {
        var section = doc.section(2, prId + ":");
        if (section.isEmpty()) {
            return new Progress(0, 0);
        }
        int checked = 0;
        int total = 0;
        for (int i = section.get().bodyStart(); i < section.get().end(); i++) {
            String l = doc.line(i).stripLeading();
            if (doc.fenced(i)) {
                continue;
            }
            if (l.startsWith("- [ ] ") || l.startsWith("* [ ] ")) {
                total++;
            } else if (l.startsWith("- [x] ") || l.startsWith("- [X] ") || l.startsWith("* [x] ")) {
                total++;
                checked++;
            }
        }
        return new Progress(checked, total);
    }
}
