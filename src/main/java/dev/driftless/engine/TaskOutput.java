package dev.driftless.engine;

/** A one-off task's own log lines, made safe to print on a runner's log. */
public final class TaskOutput {
    private TaskOutput() {
    }

    /**
     * A log line is the task's output, not driftless's: kept on one line and with every "::" split, so the
     * runner can never read it as a workflow command (::add-mask::, ::set-output:: …).
     */
    public static String inert(String line) {
        return line.replace('\r', ' ').replace('\n', ' ').replace("::", ":\u200B:");
    }
}
