package dev.driftless.comment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The body of driftless's one pull-request comment: a hidden marker that finds it again, then named
 * sections, each between its own hidden markers, so several commands share one comment — {@code plan}
 * writes {@code plan-<env>}, {@code cost} writes {@code cost} — and each replaces only its own section:
 *
 * <pre>{@code
 * <!-- driftless:sticky-comment -->
 * <!-- driftless:section:plan-dev -->
 * ...plan markdown...
 * <!-- /driftless:section:plan-dev -->
 * <!-- driftless:section:cost -->
 * ...cost markdown...
 * <!-- /driftless:section:cost -->
 * }</pre>
 *
 * Sections keep their order; a new one goes last. The whole body stays under {@link #MAX_CHARS}: the
 * section being written is cut (between its {@code <details>} blocks where possible) to the room the
 * others leave, ending with a note that links to the full text.
 */
public final class CommentBody {
    /** GitHub refuses comments over 65,536 characters; this leaves room for the markers and a margin. */
    public static final int MAX_CHARS = 65_000;
    public static final String MARKER = "<!-- driftless:sticky-comment -->";
    private static final Pattern SECTION = Pattern.compile(
            "<!-- driftless:section:([A-Za-z0-9_.:-]+) -->\\n(.*?)\\n?<!-- /driftless:section:\\1 -->", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]+");

    private final Map<String, String> sections;

    private CommentBody(Map<String, String> sections) {
        this.sections = sections;
    }

    public static CommentBody empty() {
        return new CommentBody(new LinkedHashMap<>());
    }

    /** The sections of an existing comment body; text outside sections is dropped (driftless wrote it all). */
    public static CommentBody parse(String body) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher m = SECTION.matcher(body == null ? "" : body);
        while (m.find()) {
            found.put(m.group(1), m.group(2));
        }
        return new CommentBody(found);
    }

    public static boolean isOurs(String body) {
        return body != null && body.contains(MARKER);
    }

    /**
     * This body with one section set to {@code markdown}, cut to fit.
     *
     * @param overflowNote the last line when the section is cut, e.g. a link to the run's job summary
     */
    public CommentBody with(String name, String markdown, String overflowNote) {
        return with(name, markdown, overflowNote, "");
    }

    /**
     * This body with one section set to {@code markdown} followed by {@code footer}; only the markdown
     * is cut to fit, so the footer (which commit and run the section describes) always stays.
     */
    public CommentBody with(String name, String markdown, String overflowNote, String footer) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a section name is letters, digits and _.:- only: " + name);
        }
        Map<String, String> next = new LinkedHashMap<>(sections);
        next.put(name, "");
        int room = MAX_CHARS - new CommentBody(next).render().length();
        String tail = footer == null || footer.isBlank() ? "" : "\n\n" + footer.strip();
        next.put(name, Truncation.fit(markdown.strip(), Math.max(room - tail.length(), 0), overflowNote) + tail);
        return new CommentBody(next);
    }

    public Map<String, String> sections() {
        return java.util.Collections.unmodifiableMap(sections);
    }

    public String render() {
        StringBuilder b = new StringBuilder(MARKER).append('\n');
        sections.forEach((name, text) -> b.append("<!-- driftless:section:").append(name).append(" -->\n")
                .append(text).append('\n')
                .append("<!-- /driftless:section:").append(name).append(" -->\n"));
        return b.toString();
    }
}
