package dev.driftless.tracker;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Applies one run to a progress tracker's text. Pure: text in, text out. Only the lines driftless owns
 * change; applying the same run twice changes nothing the second time; a missing section is a warning,
 * never a reason to touch anything else.
 */
public final class TrackerUpdater {
    private final ChecklistEvidence checklist;
    private final int historySize;

    public TrackerUpdater(ChecklistEvidence checklist, int historySize) {
        this.checklist = checklist;
        this.historySize = historySize;
    }

    public TrackerEdit apply(String text, RunOutcome outcome) {
        TrackerDocument doc = new TrackerDocument(text);
        List<String> warnings = new ArrayList<>();
        LocalDate date = LocalDate.ofInstant(outcome.at(), ZoneOffset.UTC);

        HistoryBlock history = writeHistory(doc, outcome);
        add(warnings, CurrentStatus.apply(doc, date, outcome.application(), environment(outcome), OutcomeWording.state(outcome)));
        warnings.addAll(MetricsSection.apply(doc, OutcomeWording.metrics(outcome, history)));
        Set<String> changedPrs = Checklist.tick(doc, checklist, history.evidence());
        warnings.addAll(Dashboard.apply(doc, changedPrs));
        add(warnings, ChangeLog.apply(doc, date, OutcomeWording.changeLog(outcome)));

        String updated = doc.text();
        return new TrackerEdit(updated, !updated.equals(text), warnings);
    }

    /** The commit message for a tracker update: the change-log line, marked so the commit starts no workflow. */
    public static String commitMessage(RunOutcome outcome) {
        return OutcomeWording.changeLog(outcome) + " [skip ci]";
    }

    /** Records the run in the owned block (creating it before the Change Log, or at the end) and returns it. */
    private HistoryBlock writeHistory(TrackerDocument doc, RunOutcome outcome) {
        var located = HistoryBlock.read(doc);
        HistoryBlock before = located.map(HistoryBlock.Located::block).orElse(new HistoryBlock(List.of(), Set.of()));
        HistoryBlock after = before.with(entries(outcome), outcome.evidence(), historySize);
        if (located.isPresent()) {
            doc.remove(located.get().start(), located.get().end() + 1);
            doc.insert(located.get().start(), after.render());
            return after;
        }
        List<String> block = new ArrayList<>();
        block.add(HistoryBlock.HEADING);
        block.addAll(after.render());
        block.add("");
        block.add("---");
        block.add("");
        int at = doc.section(2, "Change Log").map(TrackerDocument.Section::heading).orElse(doc.size());
        if (at == doc.size() && at > 0 && !doc.line(at - 1).isBlank()) {
            block.add(0, "");
        }
        doc.insert(at, block);
        return after;
    }

    private static List<HistoryEntry> entries(RunOutcome outcome) {
        List<HistoryEntry> entries = new ArrayList<>();
        if (outcome instanceof RunOutcome.Deployed d) {
            d.services().forEach(s -> entries.add(entry(d.at(), d.environment(), "deploy", d.gitSha(), s)));
        } else if (outcome instanceof RunOutcome.RolledBack r) {
            r.services().forEach(s -> entries.add(entry(r.at(), r.environment(), "rollback", r.gitSha(), s)));
        }
        return entries;
    }

    private static HistoryEntry entry(java.time.Instant at, String env, String kind, String sha, RunOutcome.ServiceResult s) {
        return new HistoryEntry(at, env, s.service(), kind, s.taskDefinition(), s.image(), sha,
                (s.success() ? "success" : "failed")
                        + (s.deployment() == null ? "" : " (" + s.deployment().replace('|', '/') + ")"), s.duration());
    }

    private static String environment(RunOutcome outcome) {
        if (outcome instanceof RunOutcome.Deployed d) {
            return d.environment();
        }
        if (outcome instanceof RunOutcome.RolledBack r) {
            return r.environment();
        }
        if (outcome instanceof RunOutcome.Scaled s) {
            return s.environment();
        }
        return null;
    }

    private static void add(List<String> warnings, String warning) {
        if (warning != null) {
            warnings.add(warning);
        }
    }
}
