package dev.driftless.render;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The last line of every section driftless writes to a pull request or issue: which commit it describes
 * (short SHA, linked), when it was written (UTC, to the minute) and which run wrote it (linked), so a
 * stale section never passes for a fresh one:
 *
 * <pre>{@code <sub>commit [`ec26c3e`](https://github.com/o/r/commit/ec26…) · 2026-11-25 16:00 UTC · [run 4242](https://github.com/o/r/actions/runs/4242)</sub>}</pre>
 *
 * Parts that are unknown (a local run has no run) are left out; a SHA that is not hex is never shown.
 *
 * @param sha        the full commit SHA, or null
 * @param serverUrl  e.g. https://github.com
 * @param repository owner/name, or null
 * @param at         when the section was written
 * @param runId      the Actions run id, or null
 */
public record SectionFooter(String sha, String serverUrl, String repository, Instant at, String runId) {
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{7,64}");
    private static final Pattern RUN = Pattern.compile("[0-9]{1,20}");
    private static final Pattern REPO = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public String render() {
        List<String> parts = new ArrayList<>();
        boolean repo = repository != null && REPO.matcher(repository).matches() && serverUrl != null;
        if (sha != null && SHA.matcher(sha).matches()) {
            String shortSha = sha.substring(0, 7);
            parts.add(repo ? "commit [`" + shortSha + "`](" + serverUrl + "/" + repository + "/commit/" + sha + ")"
                    : "commit `" + shortSha + "`");
        }
        if (at != null) {
            parts.add(MINUTE.format(at));
        }
        if (repo && runId != null && RUN.matcher(runId).matches()) {
            parts.add("[run " + runId + "](" + serverUrl + "/" + repository + "/actions/runs/" + runId + ")");
        }
        return parts.isEmpty() ? "" : "<sub>" + String.join(" · ", parts) + "</sub>";
    }
}
