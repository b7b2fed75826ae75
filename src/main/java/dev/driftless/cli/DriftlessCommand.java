package dev.driftless.cli;

import picocli.CommandLine.Command;

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
            InitCommand.class,
        })
public final class DriftlessCommand {
}
