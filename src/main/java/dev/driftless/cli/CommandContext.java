package dev.driftless.cli;

import dev.driftless.actions.ActionsRuntime;
import java.io.PrintStream;
import dev.driftless.engine.Sleeper;
import java.time.Clock;
import java.util.Map;

/**
 * What a command gets from the process that runs it. Tests build their own, so nothing a command does
 * depends on the real environment, clock or streams.
 *
 * @param out results (and, in Actions, workflow commands)
 * @param err progress and messages
 */
public record CommandContext(
        Map<String, String> env,
        PrintStream out,
        PrintStream err,
        Clock clock,
        Sleeper sleeper,
        ActionsRuntime actions) implements dev.driftless.auth.RunContext {

    public static CommandContext of(Map<String, String> env, PrintStream out, PrintStream err) {
        return new CommandContext(env, out, err, Clock.systemUTC(), Sleeper.REAL, new ActionsRuntime(env, out, err));
    }
}
