package dev.driftless.github;

import dev.driftless.DriftlessException;
import dev.driftless.engine.DeploymentStatuses;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kohsuke.github.GHDeployment;
import org.kohsuke.github.GHDeploymentState;
import org.kohsuke.github.GHDeploymentStatusBuilder;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.HttpException;

/** {@link DeploymentStatuses} over the GitHub REST API (needs {@code deployments: write}). */
public final class GitHubDeploymentStatuses implements DeploymentStatuses {
    private final GHRepository repository;
    private final Map<Long, GHDeployment> started = new HashMap<>();

    public GitHubDeploymentStatuses(GHRepository repository) {
        this.repository = repository;
    }

    @Override
    public long start(String environment, String ref, String description, String environmentUrl, String logUrl) {
        try {
            // no required contexts: the workflow already gated on its checks; auto-merge would push to the branch
            GHDeployment d = repository.createDeployment(ref).environment(environment).task("deploy")
                    .description(description).autoMerge(false).requiredContexts(List.of()).create();
            started.put(d.getId(), d);
            // github-api 1.x sends IN_PROGRESS as "in-progress", which GitHub rejects (422); "pending" it sends right
            status(d.createStatus(GHDeploymentState.PENDING), description, environmentUrl, logUrl).create();
            return d.getId();
        } catch (IOException e) {
            throw translate("create a GitHub deployment of " + ref + " to " + environment, e);
        }
    }

    @Override
    public void finish(long deployment, boolean success, String description, String environmentUrl, String logUrl) {
        GHDeployment d = started.get(deployment);
        if (d == null) {
            throw new IllegalStateException("deployment " + deployment + " was not started through this object");
        }
        try {
            status(d.createStatus(success ? GHDeploymentState.SUCCESS : GHDeploymentState.FAILURE), description,
                    environmentUrl, logUrl).create();
        } catch (IOException e) {
            throw translate("set the status of GitHub deployment " + deployment, e);
        }
    }

    private static GHDeploymentStatusBuilder status(GHDeploymentStatusBuilder b, String description, String environmentUrl,
            String logUrl) {
        // GitHub limits a status description to 140 characters
        b.description(description.length() > 140 ? description.substring(0, 139) + "…" : description);
        if (environmentUrl != null) {
            b.environmentUrl(environmentUrl);
        }
        if (logUrl != null) {
            b.logUrl(logUrl);
        }
        return b;
    }

    static DriftlessException translate(String what, IOException e) {
        if (e instanceof HttpException h && (h.getResponseCode() == 403 || h.getResponseCode() == 404)) {
            return new DriftlessException("GitHub refused to " + what + " (" + h.getResponseCode() + ")",
                    "give the workflow `permissions: deployments: write` (and pull-requests: write for comments)", e);
        }
        return new DriftlessException("cannot " + what + ": " + e.getMessage(), "retry; check GITHUB_API_URL and the network", e);
    }
}
