package dev.driftless.plan;

/**
 * The tags driftless keeps on each ECS service to remember what it deployed. Deploy writes them; plan
 * reads them to skip DescribeTaskDefinition for unchanged services and to tell drift (a change made
 * outside driftless) from a change in git.
 */
public final class ServiceTags {
    /** Hash of the rendered task definition driftless last deployed ({@link SpecHash}). */
    public static final String SPEC_HASH = "driftless:spec-hash";
    /** ARN of the task definition driftless last set on the service. */
    public static final String TASK_DEFINITION = "driftless:task-definition";
    /** Hash of the service settings (capacity, network, load balancers, deployment config) driftless last applied. */
    public static final String SETTINGS_HASH = "driftless:settings-hash";
    /** The desiredCount driftless last applied. */
    public static final String DESIRED_COUNT = "driftless:desired-count";
    /** The image URI driftless last deployed (what "keep the live image" keeps without a DescribeTaskDefinition). */
    public static final String IMAGE = "driftless:image";
    /** The git commit the last deploy came from. */
    public static final String GIT_SHA = "driftless:git-sha";

    private ServiceTags() {
    }
}
