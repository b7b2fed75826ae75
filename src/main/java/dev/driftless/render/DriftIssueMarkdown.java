package dev.driftless.render;

import dev.driftless.engine.DriftIssueText;
import dev.driftless.plan.DriftReport;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The drift issue of one application and environment: hidden markers (which issue it is, when drift was
 * first seen), the drift table, first and last seen, and the run that looked. Values that are hidden in
 * the plan stay hidden here.
 */
public final class DriftIssueMarkdown {
    private static final Pattern FIRST_SEEN = Pattern.compile("<!-- driftless:first-seen ([0-9TZ:.-]+) -->");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** The drift issue's text as the engine's keeper asks for it. */
    public static final DriftIssueText TEXT = new DriftIssueText() {
        @Override
        public String title(DriftReport report) {
            return DriftIssueMarkdown.title(report);
        }

        @Override
        public String body(DriftReport report, Instant firstSeen, Instant lastSeen, String runUrl, String footer) {
            return DriftIssueMarkdown.body(report, firstSeen, lastSeen, runUrl, footer);
        }

        @Override
        public Optional<Instant> firstSeen(String body) {
            return DriftIssueMarkdown.firstSeen(body);
        }
    };

    private DriftIssueMarkdown() {
    }

    public static String title(DriftReport report) {
        return "Drift: " + report.application() + " / " + report.environment() + " differs from the spec";
    }

    /** When an earlier run first saw this drift, from the issue's hidden marker. */
    public static Optional<Instant> firstSeen(String body) {
        Matcher m = FIRST_SEEN.matcher(body == null ? "" : body);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(m.group(1)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * @param runUrl the run that looked, or null
     * @param footer the section footer (commit, time, run), or empty
     */
    public static String body(DriftReport report, Instant firstSeen, Instant lastSeen, String runUrl, String footer) {
        StringBuilder b = new StringBuilder();
        b.append(report.marker()).append('\n')
                .append("<!-- driftless:first-seen ").append(firstSeen).append(" -->\n")
                .append("### Drift: ").append(report.application()).append(" / ").append(report.environment()).append("\n\n")
                .append(table(report))
                .append('\n')
                .append("**First seen:** ").append(MINUTE.format(firstSeen)).append(" · **last seen:** ")
                .append(MINUTE.format(lastSeen));
        if (runUrl != null) {
            b.append(" · [the run that looked](").append(runUrl).append(')');
        }
        b.append("\n\n")
                .append("A deploy from the default branch puts the live services back to the spec; or change the spec to "
                        + "what runs. driftless updates this issue on every drift run and closes it when live matches the spec.\n");
        if (footer != null && !footer.isBlank()) {
            b.append('\n').append(footer).append('\n');
        }
        return b.toString();
    }

    /** The drift table alone, for the console and the job summary. */
    public static String table(DriftReport report) {
        if (!report.drifted()) {
            return "No drift: the live services of cluster " + MarkdownTable.code(report.cluster()) + " match the spec.\n";
        }
        StringBuilder b = new StringBuilder();
        b.append(report.rows().size()).append(" difference(s) between the live services of cluster ")
                .append(MarkdownTable.code(report.cluster())).append(" and the spec on the default branch.\n\n")
                .append("| Service | What | Field | Live | Spec | |\n|---|---|---|---|---|---|\n");
        for (DriftReport.Row r : report.rows()) {
            b.append("| ").append(MarkdownTable.escape(r.service()))
                    .append(" | ").append(MarkdownTable.escape(r.what()))
                    .append(" | ").append(MarkdownTable.escape(r.field()))
                    .append(" | ").append(value(r, r.live(), "(none)"))
                    .append(" | ").append(value(r, r.spec(), "(not in the spec)"))
                    .append(" | ").append(r.outsideGit() ? "⚠️ changed outside git" : "")
                    .append(" |\n");
        }
        return b.toString();
    }

    private static String value(DriftReport.Row r, String v, String absent) {
        if (v == null) {
            return absent;
        }
        if (r.hidden()) {
            return "(hidden)";
        }
        return r.what().equals("service") ? MarkdownTable.escape(v) : MarkdownTable.code(v);
    }
}
