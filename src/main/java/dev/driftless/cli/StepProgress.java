package dev.driftless.cli;

import dev.driftless.engine.Progress;

/** {@link Progress} on the step's log: collapsible groups and warning annotations in Actions, plain lines elsewhere. */
final class StepProgress implements Progress {
    private final CommandContext ctx;

    StepProgress(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void group(String title) {
        ctx.actions().commands().group(title);
    }

    @Override
    public void line(String text) {
        ctx.err().println(text);
        ctx.err().flush();
    }

    @Override
    public void endGroup() {
        ctx.actions().commands().endGroup();
    }

    @Override
    public void warning(String text) {
        ctx.actions().commands().warning(text, null);
    }
}
