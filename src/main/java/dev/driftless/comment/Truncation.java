package dev.driftless.comment;

/**
 * Cuts markdown to a length limit without leaving a block open: at the last top-level
 * {@code <details>} block that still fits, else at the last line break, then appends a note (which
 * usually links to where the full text is).
 */
public final class Truncation {
    private Truncation() {
    }

    /** {@code markdown} unchanged when it fits in {@code maxChars}; otherwise cut and ended with {@code note}. */
    public static String fit(String markdown, int maxChars, String note) {
        if (markdown.length() <= maxChars) {
            return markdown;
        }
        String tail = "\n" + note + "\n";
        int room = maxChars - tail.length();
        if (room <= 0) {
            return note.length() <= maxChars ? note : note.substring(0, maxChars);
        }
        int cut = markdown.lastIndexOf("\n<details>", room);
        if (cut < 0 || cut < room / 2) {
            // no block boundary late enough: cut at a line, closing a block the cut leaves open
            cut = markdown.lastIndexOf('\n', room);
            String head = markdown.substring(0, Math.max(cut, 0));
            int open = count(head, "<details>") - count(head, "</details>");
            String closing = open > 0 ? "\n\n</details>" : "";
            if (head.length() + closing.length() + tail.length() > maxChars) {
                head = head.substring(0, Math.max(0, maxChars - closing.length() - tail.length()));
            }
            return head + closing + tail;
        }
        return markdown.substring(0, cut + 1) + tail;
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }
}
