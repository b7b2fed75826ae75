package dev.driftless.cli;

import picocli.CommandLine.Option;

/** Options of the commands that record their run in the progress tracker. */
public final class TrackerOptions {
    @Option(names = "--no-tracker", description = "Do not update the progress tracker (input no-tracker).")
    boolean noTracker;

    boolean skip(CommandContext ctx) {
        return noTracker || ctx.actions().booleanInput("no-tracker").orElse(false);
    }
}
