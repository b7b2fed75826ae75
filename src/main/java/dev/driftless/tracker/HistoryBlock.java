package dev.driftless.tracker;

import dev.driftless.spec.Durations;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The block between marker comments that driftless owns outright: the last N deploys and rollbacks
 * (newest first, readable by {@code rollback --to}) and the evidence seen so far, which ticks
 * checklist items that need several runs (a stop and a start).
 */
public final class HistoryBlock {
    static final String START = "<!-- driftless:history:start (written by driftless; edits between these markers are replaced) -->";
    static final String START_PREFIX = "<!-- driftless:history:start";
    static final String END = "<!-- driftless:history:end -->";
    static final String EVIDENCE_PREFIX = "<!-- driftless:evidence ";
    static final String HEADING = "## Deployment History";
    private static final String HEADER = "| Time (UTC) | Environment | Service | Kind | Task definition | Image | Git SHA | Result | Duration |";
    private static final String RULE = "|---|---|---|---|---|---|---|---|---|";

    private final List<HistoryEntry> entries;
    private final Set<String> evidence;

    HistoryBlock(List<HistoryEntry> entries, Set<String> evidence) {
        this.entries = List.copyOf(entries);
        this.evidence = Set.copyOf(evidence);
    }

    public List<HistoryEntry> entries() {
        return entries;
    }

    public Set<String> evidence() {
        return evidence;
    }

    /** The history recorded in a tracker's text (empty when it has no block yet). */
    public static HistoryBlock parse(String trackerText) {
        return read(new TrackerDocument(trackerText)).map(Located::block).orElse(new HistoryBlock(List.of(), Set.of()));
    }

    /** Adds entries not yet present (by time, environment, service, kind), newest first, keeping {@code limit}. */
    HistoryBlock with(List<HistoryEntry> added, Set<String> moreEvidence, int limit) {
        Map<String, HistoryEntry> byKey = new LinkedHashMap<>();
        for (HistoryEntry e : added) {
            byKey.putIfAbsent(e.key(), e);
        }
        for (HistoryEntry e : entries) {
            byKey.putIfAbsent(e.key(), e);
        }
        List<HistoryEntry> all = new ArrayList<>(byKey.values());
        all.sort((a, b) -> b.time().compareTo(a.time()));
        Set<String> ev = new TreeSet<>(evidence);
        ev.addAll(moreEvidence);
        return new HistoryBlock(all.subList(0, Math.min(limit, all.size())), ev);
    }

    List<String> render() {
        List<String> out = new ArrayList<>();
        out.add(START);
        out.add(EVIDENCE_PREFIX + String.join(" ", new TreeSet<>(evidence)) + " -->");
        out.add(HEADER);
        out.add(RULE);
        for (HistoryEntry e : entries) {
            out.add("| " + String.join(" | ", e.time().truncatedTo(ChronoUnit.SECONDS).toString(), e.environment(), e.service(),
                    e.kind(), shortCell(e.taskDefinition(), ShortName::taskDefinition), shortCell(e.image(), ShortName::image),
                    cell(e.gitSha()), e.result(),
                    e.duration() == null ? "-" : Durations.format(e.duration())) + " |");
        }
        out.add(END);
        return out;
    }

    /** The block's lines [start, end] in a document, and what they say. */
    record Located(int start, int end, HistoryBlock block) {
    }

    static Optional<Located> read(TrackerDocument doc) {
        Optional<Integer> start = doc.findPrefix(START_PREFIX, 0, doc.size());
        if (start.isEmpty()) {
            return Optional.empty();
        }
        Optional<Integer> end = doc.find(END, start.get());
        if (end.isEmpty()) {
            return Optional.empty();
        }
        List<HistoryEntry> entries = new ArrayList<>();
        Set<String> evidence = new TreeSet<>();
        for (int i = start.get() + 1; i < end.get(); i++) {
            String line = doc.line(i).trim();
            if (line.startsWith(EVIDENCE_PREFIX)) {
                String body = line.substring(EVIDENCE_PREFIX.length()).replace("-->", "").trim();
                for (String token : body.split("\\s+")) {
                    if (!token.isEmpty()) {
                        evidence.add(token);
                    }
                }
            } else if (line.startsWith("| ") && !line.equals(HEADER)) {
                parseRow(line).ifPresent(entries::add);
            }
        }
        return Optional.of(new Located(start.get(), end.get(), new HistoryBlock(entries, evidence)));
    }

    private static Optional<HistoryEntry> parseRow(String line) {
        String[] cells = line.substring(1, line.length() - 1).split("\\|", -1);
        if (cells.length != 9) {
            return Optional.empty();
        }
        try {
            Instant time = time(cells[0].trim());
            return Optional.of(new HistoryEntry(time, cells[1].trim(), cells[2].trim(), cells[3].trim(),
                    full(cells[4]), full(cells[5]), uncell(cells[6]), cells[7].trim(),
                    Durations.parse(cells[8].trim())));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String shortCell(String full, java.util.function.UnaryOperator<String> shorten) {
        return full == null || full.isBlank() ? "-" : ShortName.cell(full, shorten.apply(full));
    }

    /** ISO-8601 to the second (or finer); a row someone wrote to the minute ({@code 2026-11-25T16:04Z}) reads too. */
    private static Instant time(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return java.time.OffsetDateTime.parse(text, MINUTE).toInstant();
        }
    }

    private static final java.time.format.DateTimeFormatter MINUTE =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mmXXX");

    private static String cell(String s) {
        return s == null || s.isBlank() ? "-" : s.replace("|", "\\|");
    }

    /** A cell's full value: from its title when it shows a short name, else as written (older trackers). */
    private static String full(String s) {
        String t = s.trim();
        return t.equals("-") ? null : ShortName.full(t);
    }

    private static String uncell(String s) {
        String t = s.trim();
        return t.equals("-") ? null : t.replace("\\|", "|");
    }
}
