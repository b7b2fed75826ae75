package dev.driftless.cli;

import dev.driftless.aws.AppAutoScalingTargets;
import dev.driftless.aws.AwsClients;
import dev.driftless.aws.EcsLiveStateReader;
import dev.driftless.aws.EcsServiceDeployments;
import dev.driftless.aws.EcsServiceWriter;
import dev.driftless.aws.EcsStoppedTaskReader;
import dev.driftless.aws.EcsTaskDefinitionStore;
import dev.driftless.engine.Deployer;
import dev.driftless.engine.LiveStateReader;
import dev.driftless.engine.Progress;
import dev.driftless.engine.Rollback;
import dev.driftless.engine.RolloutWaiter;
import dev.driftless.engine.ScalableTargets;
import dev.driftless.engine.ServiceDeploymentWaiter;
import dev.driftless.engine.ServiceWriter;
import dev.driftless.engine.TaskDefinitionStore;

/** Deploy's and rollback's engine parts over one set of AWS clients. */
record EcsDeployParts(LiveStateReader reader, TaskDefinitionStore taskDefinitions, ServiceWriter services,
        ScalableTargets scaling,
        RolloutWaiter waiter, ServiceDeploymentWaiter serviceDeployments, Progress progress, CommandContext ctx) {

    /** Services polled concurrently per round (each call covers 10). */
    static final int CONCURRENCY = 4;

    static EcsDeployParts of(AwsClients aws, CommandContext ctx) {
        Progress progress = new StepProgress(ctx);
        LiveStateReader reader = new EcsLiveStateReader(aws.ecs(), aws::autoScaling);
        return new EcsDeployParts(reader, new EcsTaskDefinitionStore(aws.ecs(), aws.retryPolicy(), ctx.sleeper()),
                new EcsServiceWriter(aws.ecs(), aws.retryPolicy(), ctx.sleeper()),
                new AppAutoScalingTargets(aws::autoScaling),
                new RolloutWaiter(reader, new EcsStoppedTaskReader(aws.ecs()), ctx.clock(), ctx.sleeper(), progress,
                        RolloutWaiter.DEFAULT_INTERVAL, CONCURRENCY),
                new ServiceDeploymentWaiter(new EcsServiceDeployments(aws.ecs()), ctx.clock(), ctx.sleeper(), progress,
                        RolloutWaiter.DEFAULT_INTERVAL),
                progress, ctx);
    }

    Deployer deployer() {
        return new Deployer(taskDefinitions, services, scaling, waiter, serviceDeployments, progress, ctx.clock());
    }

    Rollback rollback() {
        return new Rollback(reader, taskDefinitions, services, waiter, serviceDeployments, progress, ctx.clock());
    }
}
