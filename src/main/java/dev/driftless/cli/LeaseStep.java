package dev.driftless.cli;

import dev.driftless.actions.GitHubContext;
import dev.driftless.aws.AwsClients;
import dev.driftless.aws.EcsClusterTags;
import dev.driftless.engine.EnvironmentLease;
import dev.driftless.spec.EnvironmentSpec;
import java.time.Duration;

/** Takes the environment's lease for a command that changes services ({@link EnvironmentLease}). */
final class LeaseStep {
    /** Beyond the waits themselves: registering, updating, tagging, the report. */
    static final Duration MARGIN = Duration.ofMinutes(10);

    private LeaseStep() {
    }

    /**
     * @param longestWait how long the command may wait for rollouts (a failed deploy waits again for its rollback,
     *                    so the lease lasts twice that plus a margin)
     */
    static EnvironmentLease.Held take(AwsClients aws, CommandContext ctx, EnvironmentSpec env, String command,
            Duration longestWait, boolean force) {
        GitHubContext gh = ctx.actions().context();
        return new EnvironmentLease(new EcsClusterTags(aws.ecs()), ctx.clock(), ctx.sleeper(), new StepProgress(ctx))
                .acquire(env.name(), env.cluster(), command, gh.repository(), gh.runId(), gh.runAttempt(),
                        longestWait.multipliedBy(2).plus(MARGIN), force);
    }
}
