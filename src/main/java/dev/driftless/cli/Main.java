package dev.driftless.cli;

import dev.driftless.DriftlessException;
import dev.driftless.actions.ActionsRuntime;
import dev.driftless.actions.InertOutput;
import dev.driftless.engine.Sleeper;
import java.time.Clock;
import dev.driftless.actions.SystemEnvironment;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Entry point. {@link #run} returns the exit code instead of exiting, so every command can be tested
 * in-process with its own environment and streams.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        StopSignal stop = StopSignal.install(Thread.currentThread(), System.err);
        int code = run(args, SystemEnvironment.read(), System.out, System.err);
        stop.finished();
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        // The runner processes workflow commands on stdout and stderr alike; a --json run keeps them all on
        // stderr so its stdout parses as JSON (masks then precede, on stderr, anything that prints a secret).
        PrintStream commands = Arrays.asList(args).contains("--json") ? err : out;
        return run(args, new CommandContext(env, out, err, Clock.systemUTC(), Sleeper.REAL,
                new ActionsRuntime(env, commands, err)));
    }

    public static int run(String[] args, CommandContext ctx) {
        boolean debug = Arrays.asList(args).contains("--debug");
        try {
            CommandLine cli = new CommandLine(new DriftlessCommand(), new ContextFactory(ctx));
            DriftlessCommand.needed(args).forEach(cli::addSubcommand);
            cli.setOut(new PrintWriter(ctx.out(), true));
            cli.setErr(new PrintWriter(ctx.err(), true));
            cli.setCaseInsensitiveEnumValuesAllowed(true);
            cli.setParameterExceptionHandler(Main::usageError);
            cli.setExecutionExceptionHandler((e, line, parsed) -> failure(e, ctx, debug));
            HelpLayout.apply(cli);
            return cli.execute(args);
        } catch (RuntimeException e) {
            return failure(e, ctx, debug);
        } finally {
            InertOutput.finish(ctx.out());
            InertOutput.finish(ctx.err());
        }
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        if (e instanceof CommandLine.UnmatchedArgumentException u && u.isUnknownOption()) {
            // the nearest option of this command, not picocli's list of loosely similar ones
            String unknown = u.getUnmatched().get(0);
            err.println("error: unknown option '" + unknown + "' for '" + cmd.getCommandSpec().qualifiedName() + "'"
                    + NearestOption.of(unknown, cmd.getCommandSpec()).map(n -> "; did you mean " + n + "?").orElse(""));
        } else {
            err.println("error: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        }
        err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
        err.flush();
        return ExitCode.USAGE;
    }

    private static int failure(Exception e, CommandContext ctx, boolean debug) {
        Throwable t = e;
        if (t instanceof CommandLine.ExecutionException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof DriftlessException d) {
            ctx.err().println("error: " + d.getMessage());
            if (d.hint() != null) {
                ctx.err().println("  fix: " + d.hint());
            }
            if (ctx.actions().inActions()) { // outside Actions the plain annotation would repeat the lines above
                ctx.actions().commands().error(d.getMessage() + (d.hint() == null ? "" : " — " + d.hint()), null);
            }
        } else {
            ctx.err().println("error: unexpected " + t.getClass().getSimpleName()
                    + (t.getMessage() == null ? "" : ": " + t.getMessage()));
            if (!debug) {
                ctx.err().println("  this is a bug in driftless; rerun with --debug for the stack trace and report it");
            }
        }
        if (debug) {
            t.printStackTrace(ctx.err());
        }
        ctx.err().flush();
        return ExitCode.FAILURE;
    }

    /** Gives commands that take a {@link CommandContext} in their constructor the one for this run. */
    private record ContextFactory(CommandContext ctx) implements IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            for (Constructor<?> c : cls.getDeclaredConstructors()) {
                if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == CommandContext.class) {
                    c.setAccessible(true);
                    return cls.cast(c.newInstance(ctx));
                }
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }

}
