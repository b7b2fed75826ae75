package dev.driftless.github;

import dev.driftless.DriftlessException;
import dev.driftless.actions.GitHubContext;
import dev.driftless.engine.DeploymentStatuses;
import java.io.IOException;
import java.util.List;
import org.kohsuke.github.GHDeployment;
import org.kohsuke.github.GHRepository;

/**
 * {@link DeploymentStatuses} over the GitHub REST API (needs {@code deployments: write}): the deployment through
 * github-api, every status through {@link DeploymentStatusPoster}, which can send {@code in_progress}.
 */
public final class GitHubDeploymentStatuses implements DeploymentStatuses {
    private final GHRepository repository;
    private final DeploymentStatusPoster statuses;

    /** @param context where the API is and the token; the status requests go to the same place as the client's */
    public GitHubDeploymentStatuses(GHRepository repository, GitHubContext context) {
        this.repository = repository;
        this.statuses = new DeploymentStatusPoster(context.apiUrl(), repository.getFullName(), context.token());
    }

    @Override
    public long start(String environment, String ref, String description, String environmentUrl, String logUrl) {
        long id;
        try {
            // no required contexts: the workflow already gated on its checks; auto-merge would push to the branch
            GHDeployment d = repository.createDeployment(ref).environment(environment).task("deploy")
                    .description(description).autoMerge(false).requiredContexts(List.of()).create();
            id = d.getId();
        } catch (IOException e) {
            throw translate("create a GitHub deployment of " + ref + " to " + environment, e);
        }
        post(id, "in_progress", description, environmentUrl, logUrl);
        return id;
    }

    @Override
    public void finish(long deployment, boolean success, String description, String environmentUrl, String logUrl) {
        post(deployment, success ? "success" : "failure", description, environmentUrl, logUrl);
    }

    private void post(long deployment, String state, String description, String environmentUrl, String logUrl) {
        try {
            statuses.post(deployment, state, description, environmentUrl, logUrl);
        } catch (IOException e) {
            throw translate("set GitHub deployment " + deployment + " to " + state, e);
        }
    }

    private static DriftlessException translate(String what, IOException e) {
        return GitHubRefusals.translate(what, e,
                "give the workflow `permissions: deployments: write` (and pull-requests: write for comments)");
    }
}
