package dev.driftless.engine;

/**
 * Tags deploy and rollback keep beyond the plan's {@link dev.driftless.plan.ServiceTags}: on task-definition
 * revisions (so rollback can find one by git sha or image) and the rollback pin on services.
 */
public final class DeployTags {
    /** On a service: the spec hash rolled back from. A deploy of that same hash leaves the service alone. */
    public static final String ROLLED_BACK_FROM = "driftless:rolled-back-from";
    /** On a service: when it was rolled back and to what, for messages. */
    public static final String ROLLED_BACK_TO = "driftless:rolled-back-to";
    /** On services and revisions: the task definition that ran before this deploy. */
    public static final String PREVIOUS = "driftless:previous-task-definition";

    private DeployTags() {
    }
}
