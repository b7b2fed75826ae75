package dev.driftless.auth;

import dev.driftless.actions.ActionsRuntime;
import dev.driftless.engine.Sleeper;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * What choosing credentials needs from the run: its environment, the Actions runtime (inputs, masks),
 * the stream for notes, a clock and a sleeper. The command line's context is one; auth and aws see
 * only this, never the command line.
 */
public interface RunContext {
    Map<String, String> env();

    PrintStream err();

    Clock clock();

    Sleeper sleeper();

    ActionsRuntime actions();
}
