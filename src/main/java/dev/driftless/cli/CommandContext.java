package dev.driftless.cli;

import dev.driftless.actions.ActionsRuntime;
import dev.driftless.actions.InertOutput;
import java.io.PrintStream;
import dev.driftless.engine.Sleeper;
import java.time.Clock;
import java.util.Map;

/**
 * What a command gets from the process that runs it. Tests build their own, so nothing a command does
 * depends on the real environment, clock or streams.
 *
 * <p>In Actions, {@code out} and {@code err} are the inert edge ({@link InertOutput}): whatever a command
 * prints there is data, and a line that would parse as a workflow command is rewritten. Commands print
 * with {@code ctx.out()/ctx.err()} as usual; only {@code ctx.actions().commands()} emits real workflow
 * commands (masks, groups, annotations), with the runner's escaping.
 *
 * @param out results only (markdown, JSON)
 * @param err progress and messages
 */
public record CommandContext(
        Map<String, String> env,
        PrintStream out,
        PrintStream err,
        Clock clock,
        Sleeper sleeper,
        ActionsRuntime actions) implements dev.driftless.auth.RunContext {

    public CommandContext {
        out = InertOutput.wrap(out, actions.inActions());
        err = InertOutput.wrap(err, actions.inActions());
    }

    public static CommandContext of(Map<String, String> env, PrintStream out, PrintStream err) {
        return new CommandContext(env, out, err, Clock.systemUTC(), Sleeper.REAL, new ActionsRuntime(env, out, err));
    }
}
