package dev.driftless.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The root command; each subcommand is one class in this package, listed once in {@link #SUBCOMMANDS}.
 * {@link Main} gives picocli only the subcommand a run invokes: building the model of all of them by
 * reflection cost more than any one command's work.
 */
@Command(
        name = "driftless",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "GitOps pipeline engine for AWS ECS Fargate: validate, plan, build, deploy, roll back, "
                + "and stop/start environments on a schedule, from deploy-specs in git.")
public final class DriftlessCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    CommandSpec spec;

    /** Every subcommand by its name, in the order help lists them. A new command is one line here. */
    public static final Map<String, Class<?>> SUBCOMMANDS = subcommands(
            "help", CommandLine.HelpCommand.class,
            "auth", AuthCommand.class,
            "plan", PlanCommand.class,
            "validate", ValidateCommand.class,
            "cost", CostCommand.class,
            "matrix", MatrixCommand.class,
            "schedule", ScheduleCommand.class,
            "stop", StopCommand.class,
            "start", StartCommand.class,
            "demo", DemoCommand.class,
            "deploy", DeployCommand.class,
            "rollback", RollbackCommand.class,
            "build", BuildCommand.class,
            "test", TestCommand.class,
            "run", RunCommand.class,
            "drift", DriftCommand.class,
            "init", InitCommand.class,
            "__train", TrainCommand.class);

    private static Map<String, Class<?>> subcommands(Object... nameThenClass) {
        Map<String, Class<?>> all = new LinkedHashMap<>();
        for (int i = 0; i < nameThenClass.length; i += 2) {
            all.put((String) nameThenClass[i], (Class<?>) nameThenClass[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(all);
    }

    /**
     * The subcommands a run with these arguments needs: only the invoked one, none for {@code --version},
     * every one for help, a typo (so picocli can suggest the right name) or no command at all.
     */
    static Map<String, Class<?>> needed(String[] args) {
        if (args.length == 0) {
            return SUBCOMMANDS;
        }
        String first = args[0];
        if (args.length == 1 && (first.equals("--version") || first.equals("-V"))) {
            return Map.of();
        }
        Class<?> invoked = SUBCOMMANDS.get(first);
        if (invoked == null || first.equals("help")) {
            return SUBCOMMANDS;
        }
        return Map.of(first, invoked);
    }

    /** No command given: the list of commands (the one time every subcommand's description is needed). */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCode.USAGE;
    }
}
