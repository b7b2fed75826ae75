package dev.driftless.cli;

import dev.driftless.engine.Progress;

/** Engine progress as collapsible groups (workflow commands) with the lines on stderr. */
final class CommandProgress implements Progress {
    private final CommandContext ctx;

    CommandProgress(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void group(String title) {
        ctx.actions().commands().group(title);
    }

    @Override
    public void line(String text) {
        ctx.err().println("  " + text);
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
