package dev.driftless.tracker;

import java.util.List;

/** The tracker after a run: its new text, whether anything changed, and what could not be recorded. */
public record TrackerEdit(String text, boolean changed, List<String> warnings) {
    public TrackerEdit {
        warnings = List.copyOf(warnings);
    }
}
