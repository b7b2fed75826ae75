package dev.driftless.tracker;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A markdown document as lines that keep their own terminators, so every line we do not touch comes
 * back byte for byte (CRLF, missing final newline and emoji included).
 */
final class TrackerDocument {
    private final List<String> lines = new ArrayList<>();
    private final List<String> endings = new ArrayList<>();

    TrackerDocument(String text) {
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                lines.add(text.substring(start));
                endings.add("");
                break;
            }
            boolean crlf = nl > start && text.charAt(nl - 1) == '\r';
            lines.add(text.substring(start, crlf ? nl - 1 : nl));
            endings.add(crlf ? "\r\n" : "\n");
            start = nl + 1;
        }
    }

    int size() {
        return lines.size();
    }

    String line(int i) {
        return lines.get(i);
    }

    void set(int i, String text) {
        lines.set(i, text);
    }

    /** Inserts lines before index {@code at}, with the document's usual line ending. */
    void insert(int at, List<String> newLines) {
        String ending = usualEnding();
        for (int k = 0; k < newLines.size(); k++) {
            lines.add(at + k, newLines.get(k));
            endings.add(at + k, ending);
        }
        // a line that used to be last without a newline may now be followed by another
        if (at + newLines.size() < lines.size() && at > 0 && endings.get(at - 1).isEmpty()) {
            endings.set(at - 1, ending);
        }
    }

    void remove(int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            lines.remove(i);
            endings.remove(i);
        }
    }

    /** Index of the first line equal to {@code text} (trailing spaces ignored) at or after {@code from}. */
    Optional<Integer> find(String text, int from) {
        for (int i = Math.max(0, from); i < lines.size(); i++) {
            if (lines.get(i).stripTrailing().equals(text)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** Index of the first line starting with {@code prefix} within [from, to). */
    Optional<Integer> findPrefix(String prefix, int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(to, lines.size()); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /**
     * The section whose heading has this level and contains {@code title} (case ignored, so emoji and
     * wording around it do not matter): from the heading to the next heading of the same or a higher level.
     */
    Optional<Section> section(int level, String title) {
        int[] levels = levels();
        String wanted = title.toLowerCase(java.util.Locale.ROOT);
        for (int i = 0; i < lines.size(); i++) {
            if (levels[i] == level && lines.get(i).toLowerCase(java.util.Locale.ROOT).contains(wanted)) {
                return Optional.of(new Section(i, i + 1, sectionEnd(levels, i, level)));
            }
        }
        return Optional.empty();
    }

    /** Whether line i is inside a ``` fence (checklists in code are not checklists). */
    boolean fenced(int i) {
        boolean fenced = false;
        for (int k = 0; k <= i && k < lines.size(); k++) {
            if (lines.get(k).stripLeading().startsWith("```")) {
                fenced = !fenced;
                if (k == i) {
                    return true;
                }
            }
        }
        return fenced;
    }

    /** Every section whose heading has exactly this level, in document order. */
    List<Section> sections(int level) {
        int[] levels = levels();
        List<Section> all = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (levels[i] == level) {
                all.add(new Section(i, i + 1, sectionEnd(levels, i, level)));
            }
        }
        return all;
    }

    private static int sectionEnd(int[] levels, int heading, int level) {
        int end = heading + 1;
        while (end < levels.length && !(levels[end] > 0 && levels[end] <= level)) {
            end++;
        }
        return end;
    }

    /** Heading level per line; lines inside ``` fences are never headings (a "# comment" in code is not one). */
    private int[] levels() {
        int[] levels = new int[lines.size()];
        boolean fenced = false;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.stripLeading().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            levels[i] = fenced ? 0 : headingLevel(l);
        }
        return levels;
    }

    String text() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            b.append(lines.get(i)).append(endings.get(i));
        }
        return b.toString();
    }

    private String usualEnding() {
        return endings.stream().filter(e -> !e.isEmpty()).findFirst().orElse("\n");
    }

    /** 2 for "## x", 0 for a line that is not a heading. */
    static int headingLevel(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == '#') {
            n++;
        }
        return n > 0 && n <= 6 && line.length() > n && line.charAt(n) == ' ' ? n : 0;
    }

    /** A heading line and its body [bodyStart, end). */
    record Section(int heading, int bodyStart, int end) {
    }
}
