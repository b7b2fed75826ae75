package dev.driftless.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** The root command; each subcommand is one class in this package. */
@Command(
        name = "driftless",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "GitOps pipeline engine for AWS ECS Fargate: validate, plan, build, deploy, roll back, "
                + "and stop/start environments on a schedule, from deploy-specs in git.",
        subcommands = {
            picocli.CommandLine.HelpCommand.class,
            AuthCommand.class,
            PlanCommand.class,
            ValidateCommand.class,
            CostCommand.class,
            MatrixCommand.class,
            ScheduleCommand.class,
            StopCommand.class,
            StartCommand.class,
            DemoCommand.class,
            DeployCommand.class,
            RollbackCommand.class,
            BuildCommand.class,
            TestCommand.class,
            DriftCommand.class,
        })
public final class DriftlessCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    CommandSpec spec;

    /** No command given: the list of commands (the one time every subcommand's description is needed). */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCode.USAGE;
    }
}
