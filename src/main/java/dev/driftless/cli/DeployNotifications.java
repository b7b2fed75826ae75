package dev.driftless.cli;

import dev.driftless.DriftlessException;
import dev.driftless.actions.GitHubContext;
import dev.driftless.engine.CommitPullRequests;
import dev.driftless.engine.DeployReport;
import dev.driftless.engine.DeploymentStatuses;
import dev.driftless.engine.PullRequestComments;
import dev.driftless.github.GitHubClients;
import dev.driftless.github.GitHubCommitPullRequests;
import dev.driftless.github.GitHubDeploymentStatuses;
import dev.driftless.github.GitHubPullRequestComments;
import dev.driftless.plan.CostModel;
import dev.driftless.plan.PriceTable;
import dev.driftless.render.DeployComment;
import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.EnvironmentSpec;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.IntFunction;
import org.kohsuke.github.GHRepository;

/**
 * What a deploy or rollback tells GitHub, when a token is available: a deployment per environment with
 * in_progress → success/failure, and after a push a comment on the pull request the commit came from.
 * GitHub trouble is a warning: the services are what matters, and they are already deployed.
 */
final class DeployNotifications {
    private final CommandContext ctx;
    private final DeploymentStatuses statuses;
    private final CommitPullRequests pulls;
    private final IntFunction<PullRequestComments> comments;
    private Long deployment;

    DeployNotifications(CommandContext ctx, DeploymentStatuses statuses, CommitPullRequests pulls,
            IntFunction<PullRequestComments> comments) {
        this.ctx = ctx;
        this.statuses = statuses;
        this.pulls = pulls;
        this.comments = comments;
    }

    /** Empty without a token or a repository (local runs), and for dry runs. */
    static Optional<DeployNotifications> of(CommandContext ctx, boolean dryRun) {
        GitHubContext gh = ctx.actions().context();
        if (dryRun || gh.repository() == null) {
            return Optional.empty();
        }
        try {
            return GitHubClients.connect(gh).map(github -> {
                GHRepository repo = GitHubClients.repository(github, gh);
                return new DeployNotifications(ctx, new GitHubDeploymentStatuses(repo, gh), new GitHubCommitPullRequests(repo),
                        n -> new GitHubPullRequestComments(repo, n));
            });
        } catch (RuntimeException e) {
            warn(ctx, e);
            return Optional.empty();
        }
    }

    void started(String verb, DeploySpec spec, EnvironmentSpec env) {
        GitHubContext gh = ctx.actions().context();
        String ref = gh.sha() != null ? gh.sha() : gh.ref();
        if (ref == null) {
            return;
        }
        try {
            deployment = statuses.start(env.name(), ref, "driftless " + verb.toLowerCase(java.util.Locale.ROOT) + " of "
                    + spec.name() + " to " + env.name(), env.url(), gh.runUrl());
        } catch (RuntimeException e) {
            warn(ctx, e);
        }
    }

    void finished(String verb, DeploySpec spec, EnvironmentSpec env, DeployReport report) {
        GitHubContext gh = ctx.actions().context();
        try {
            if (deployment != null) {
                statuses.finish(deployment, report.ok(), description(verb + " " + (report.ok() ? "succeeded" : "failed")
                        + ": " + report.services().size() + " services" + deployments(report)), env.url(), gh.runUrl());
            }
            if ("push".equals(gh.eventName()) && gh.sha() != null) {
                Optional<Integer> pr = pulls.pullRequestOf(gh.sha());
                if (pr.isPresent()) {
                    double monthly = new CostModel(PriceTable.builtIn()).proposed(spec, Optional.empty(),
                            YearMonth.from(ctx.clock().instant().atZone(ZoneOffset.UTC))).totalUsd();
                    comments.apply(pr.get()).create(DeployComment.render(verb, spec.name(), gh.sha(), report, monthly,
                            Optional.ofNullable(spec.budget().monthlyUsd()), gh.runUrl()));
                    ctx.err().println("commented on pull request #" + pr.get());
                }
            }
        } catch (RuntimeException e) {
            warn(ctx, e);
        }
    }

    /** GitHub keeps at most 140 characters of a deployment status's description. */
    static String description(String text) {
        return text.length() <= 140 ? text : text.substring(0, 139) + "…";
    }

    /** "; frontend: canary 10% for 5m, then all — rolled back in BAKE_TIME" for each traffic-shifting service. */
    static String deployments(DeployReport report) {
        StringBuilder b = new StringBuilder();
        report.services().stream().filter(s -> s.deployment() != null)
                .forEach(s -> b.append("; ").append(s.service()).append(": ").append(s.deployment()));
        return b.toString();
    }

    private static void warn(CommandContext ctx, RuntimeException e) {
        GitHubTrouble.warn(ctx, "GitHub", e);
    }
}
