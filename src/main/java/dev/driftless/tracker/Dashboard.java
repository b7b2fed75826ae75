package dev.driftless.tracker;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "PR Status Dashboard" rows and the section's own status line for the PRs whose checklist changed, then
 * the "Overall Progress" figures recomputed from the rows. Rows of untouched PRs keep what the team wrote.
 */
final class Dashboard {
    private static final Pattern SECTION_STATUS =
            Pattern.compile("^(\\*\\*Status\\*\\*: )[^|]*?( \\| \\*\\*Completion\\*\\*: )\\d+%(.*)$");
    private static final Pattern TOTAL = Pattern.compile("^(\\*\\*Total Completion\\*\\*: )\\d+% \\(\\d+/\\d+ PRs completed\\)(.*)$");
    private static final Pattern BAR = Pattern.compile("^\\[[□■]+\\] \\d+% Complete$");

    private Dashboard() {
    }

    static List<String> apply(TrackerDocument doc, Set<String> changedPrs) {
        List<String> warnings = new ArrayList<>();
        if (changedPrs.isEmpty()) {
            return warnings;
        }
        var table = doc.section(2, "PR Status Dashboard");
        if (table.isEmpty()) {
            warnings.add("the tracker has no \"## PR Status Dashboard\" section; PR status not recomputed");
        }
        for (String pr : changedPrs) {
            Checklist.Progress p = Checklist.progress(doc, pr);
            table.ifPresent(t -> updateRow(doc, t, pr, p));
            doc.section(2, pr + ":").ifPresent(s -> {
                for (int i = s.bodyStart(); i < s.end(); i++) {
                    Matcher m = SECTION_STATUS.matcher(doc.line(i));
                    if (m.matches()) {
                        doc.set(i, m.group(1) + p.status() + m.group(2) + p.percent() + "%" + m.group(3));
                        break;
                    }
                }
            });
        }
        table.ifPresent(t -> overall(doc, t, warnings));
        return warnings;
    }

    private static void updateRow(TrackerDocument doc, TrackerDocument.Section table, String pr, Checklist.Progress p) {
        for (int i = table.bodyStart(); i < table.end(); i++) {
            String[] cells = cells(doc.line(i));
            if (cells.length > 3 && cells[0].trim().equals(pr)) {
                cells[2] = " " + p.status() + " ";
                cells[3] = " " + p.percent() + "% ";
                doc.set(i, "|" + String.join("|", cells) + "|");
                return;
            }
        }
    }

    /** Total Completion: the mean of the rows' completion; the bar has one cell per PR. */
    private static void overall(TrackerDocument doc, TrackerDocument.Section table, List<String> warnings) {
        List<Integer> percents = new ArrayList<>();
        for (int i = table.bodyStart(); i < table.end(); i++) {
            String[] cells = cells(doc.line(i));
            if (cells.length > 3 && cells[0].trim().matches("PR\\d+")) {
                String pct = cells[3].trim().replace("%", "");
                if (pct.matches("\\d+")) {
                    percents.add(Integer.parseInt(pct));
                }
            }
        }
        if (percents.isEmpty()) {
            return;
        }
        int mean = (int) Math.round(percents.stream().mapToInt(Integer::intValue).average().orElse(0));
        long complete = percents.stream().filter(x -> x == 100).count();
        var progress = doc.section(2, "Overall Progress");
        if (progress.isEmpty()) {
            warnings.add("the tracker has no \"## Overall Progress\" section; total completion not recomputed");
            return;
        }
        var s = progress.get();
        for (int i = s.bodyStart(); i < s.end(); i++) {
            Matcher m = TOTAL.matcher(doc.line(i));
            if (m.matches()) {
                doc.set(i, m.group(1) + mean + "% (" + complete + "/" + percents.size() + " PRs completed)" + m.group(2));
            } else if (BAR.matcher(doc.line(i)).matches()) {
                int cells = percents.size();
                int filled = (int) Math.round(mean / 100.0 * cells);
                doc.set(i, "[" + "■".repeat(filled) + "□".repeat(cells - filled) + "] " + mean + "% Complete");
            }
        }
    }

    /** The cells between the outer pipes of a table row (empty for a line that is not a row). */
    private static String[] cells(String line) {
        String t = line.trim();
        if (!t.startsWith("|") || !t.endsWith("|") || t.length() < 2) {
            return new String[0];
        }
        return t.substring(1, t.length() - 1).split("\\|", -1);
    }
}
