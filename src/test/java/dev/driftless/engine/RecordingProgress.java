package dev.driftless.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Keeps every progress line, groups marked with "▶ ", for assertions. */
final class RecordingProgress implements Progress {
    final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void group(String title) {
        lines.add("▶ " + title);
    }

    @Override
    public void line(String text) {
        lines.add(text);
    }

    @Override
    public void endGroup() {
        lines.add("◀");
    }

    @Override
    public void warning(String text) {
        lines.add("warning: " + text);
    }
}
