package dev.driftless.engine;

import java.util.List;

/** The last lines of one CloudWatch Logs stream (GetLogEvents). */
public interface LogTail {
    /** Up to {@code lines} newest messages, oldest first; empty when the stream does not exist (yet). */
    List<String> tail(String group, String stream, int lines);
}
