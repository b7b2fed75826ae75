package dev.driftless.cli;

/** The process exit codes every command keeps to. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    /** {@code plan --detailed-exitcode}: the plan has changes. */
    public static final int CHANGES = 2;
    /** {@code plan --fail-on}: a cost rule failed (whatever --detailed-exitcode says), so a required check blocks the merge. */
    public static final int COST_GATE = 3;

    private ExitCode() {
    }
}
