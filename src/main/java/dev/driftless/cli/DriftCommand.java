package dev.driftless.cli;

import dev.driftless.DriftlessException;
import dev.driftless.actions.ActionsRuntime;
import dev.driftless.actions.GitHubContext;
import dev.driftless.aws.AwsClients;
import dev.driftless.aws.EcsLiveStateReader;
import dev.driftless.engine.DriftIssueKeeper;
import dev.driftless.engine.Planner;
import dev.driftless.github.GitHubClients;
import dev.driftless.github.GitHubDriftIssues;
import dev.driftless.github.GitHubViewer;
import dev.driftless.plan.DriftReport;
import dev.driftless.plan.ImageRef;
import dev.driftless.plan.Plan;
import dev.driftless.render.DriftIssueMarkdown;
import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.EnvironmentSpec;
import dev.driftless.spec.ServiceView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.kohsuke.github.GitHub;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code driftless drift --env E}: compares the live services with the spec (as checked out, on a
 * schedule the default branch) and keeps one GitHub issue per application and environment in step.
 */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = "Compare one environment's live services with the spec and keep one GitHub issue per application and "
                + "environment: opened on drift (labels driftless, drift), updated while it lasts, closed when it is gone.")
public final class DriftCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    private final CommandContext ctx;

    public DriftCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ActionsRuntime actions = ctx.actions();
        DeploySpec spec = Specs.single(Specs.load(common, ctx), common);
        EnvironmentSpec env = Specs.environment(spec, common, ctx);
        Map<String, ServiceView> views = Specs.services(spec, env, common, ctx);
        Instant at = common.now(ctx);
        boolean dryRun = common.dryRun(actions);

        Plan plan;
        try (AwsClients aws = AwsClients.forEnvironment(spec, env.name(), ctx, common)) {
            aws.requireAccount(); // before any read: a wrong account's services are not this spec's to compare
            ctx.err().println("drift: comparing " + spec.name() + "/" + env.name() + " (" + views.size()
                    + " service(s) in cluster " + env.cluster() + ") with the spec");
            // the spec names no image tag, so what runs is kept: an image is never drift
            plan = new Planner(new EcsLiveStateReader(aws.ecs(), aws.autoScaling()))
                    .plan(spec, env.name(), List.copyOf(views.keySet()), s -> new ImageRef.KeepLive(new ImageRef.Tag("latest")),
                            "live images kept", at);
        }
        DriftReport report = DriftReport.of(plan);
        String table = "### Drift: " + spec.name() + " / " + env.name() + "\n\n" + DriftIssueMarkdown.table(report);

        actions.outputs().set("drifted", String.valueOf(report.drifted()));
        actions.outputs().set("drift-count", String.valueOf(report.rows().size()));
        if (common.json()) {
            ctx.out().println("{\"application\":" + quote(spec.name()) + ",\"environment\":" + quote(env.name())
                    + ",\"drifted\":" + report.drifted() + ",\"differences\":" + report.rows().size() + "}");
        } else {
            ctx.out().print(table);
        }
        ctx.out().flush();
        if (actions.summary().writesFile()) {
            actions.summary().append(table);
        }
        issue(report, at, dryRun);
        ctx.err().println(report.drifted() ? "drift: " + report.rows().size() + " difference(s)" : "drift: none");
        return ExitCode.OK;
    }

    private void issue(DriftReport report, Instant at, boolean dryRun) {
        ActionsRuntime actions = ctx.actions();
        GitHubContext gh = actions.context();
        if (gh.token() == null || gh.repository() == null) {
            ctx.err().println("drift: no GitHub token or repository (GITHUB_TOKEN, GITHUB_REPOSITORY): no issue is kept");
            return;
        }
        try {
            GitHub github = GitHubClients.connect(gh).orElseThrow();
            var issues = new GitHubDriftIssues(GitHubClients.repository(github, gh));
            var identity = new GitHubViewer(gh.apiUrl(), gh.token(), w -> actions.commands().warning(w, null));
            String footer = PullRequestSection.footer(ctx, gh.sha());
            var outcome = new DriftIssueKeeper(issues, identity, DriftIssueMarkdown.TEXT).keep(report, ctx.clock().instant(), gh.runUrl(), footer, dryRun);
            ctx.err().println("drift: " + outcome.describe());
            if (outcome instanceof DriftIssueKeeper.Opened o && o.issue().isPresent() && o.issue().get().url() != null) {
                actions.outputs().set("issue-url", o.issue().get().url());
            } else if (outcome instanceof DriftIssueKeeper.Updated u && u.issue().url() != null) {
                actions.outputs().set("issue-url", u.issue().url());
            }
        } catch (DriftlessException e) {
            // the comparison itself succeeded and is in the summary; a refused issue is a warning
            actions.commands().warning(e.getMessage() + (e.hint() == null ? "" : " — " + e.hint()), null);
        }
    }

    private static String quote(String s) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
