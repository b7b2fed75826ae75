package dev.driftless.engine;

/** GitHub Deployments: one per environment and run, with statuses in_progress → success or failure. */
public interface DeploymentStatuses {

    /** Creates a deployment of {@code ref} to {@code environment} and marks it in progress; returns its id. */
    long start(String environment, String ref, String description, String environmentUrl, String logUrl);

    void finish(long deployment, boolean success, String description, String environmentUrl, String logUrl);
}
