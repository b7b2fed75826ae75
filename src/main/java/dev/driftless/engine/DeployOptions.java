package dev.driftless.engine;

import java.time.Duration;

/**
 * How a deploy behaves.
 *
 * @param timeout how long to wait for services to become stable
 * @param retain how many newest task-definition revisions to keep per family
 * @param gitSha the commit being deployed (tagged on revisions so rollback can find it), or null
 */
public record DeployOptions(Duration timeout, boolean dryRun, boolean rollbackOnFailure, boolean force, int retain,
        String gitSha) {
}
