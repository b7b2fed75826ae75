package dev.driftless.engine;

import java.time.Duration;
import java.util.List;

/**
 * How deploy or rollback ended for one service.
 *
 * @param taskDefinitionArn what the service runs now (after any automatic rollback)
 * @param attempted the revision this run tried to roll out (null when nothing was rolled out)
 * @param previous what the service ran before this run (null for a new service)
 * @param changes what this run changed on the service, in order (registered, updated, tagged, rolled back)
 * @param deployment for a blue/green, canary or linear deploy: the strategy and where its ECS service deployment
 *                   ended ("canary, SUCCESSFUL", "canary, rolled back in BAKE_TIME"); null for rolling
 */
public record ServiceResult(String service, Outcome outcome, String taskDefinitionArn, String attempted,
        String previous, String image, Duration duration, List<String> reasons, List<String> changes,
        String deployment) {

    /** A result of a rolling service with what this run changed on it. */
    public ServiceResult(String service, Outcome outcome, String taskDefinitionArn, String attempted,
            String previous, String image, Duration duration, List<String> reasons, List<String> changes) {
        this(service, outcome, taskDefinitionArn, attempted, previous, image, duration, reasons, changes, null);
    }

    /** This result with the strategy it went through and where its ECS service deployment ended. */
    public ServiceResult withDeployment(String note) {
        return new ServiceResult(service, outcome, taskDefinitionArn, attempted, previous, image, duration, reasons,
                changes, note);
    }

    public ServiceResult {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        changes = changes == null ? List.of() : List.copyOf(changes);
        duration = duration == null ? Duration.ZERO : duration;
    }

    public ServiceResult(String service, Outcome outcome, String taskDefinitionArn, String attempted,
            String previous, String image, Duration duration, List<String> reasons) {
        this(service, outcome, taskDefinitionArn, attempted, previous, image, duration, reasons, List.of());
    }

    /** The same result with what this run changed on the service. */
    public ServiceResult withChanges(List<String> changes) {
        return new ServiceResult(service, outcome, taskDefinitionArn, attempted, previous, image, duration, reasons,
                changes, deployment);
    }

    public enum Outcome {
        CREATED("created", true),
        DEPLOYED("deployed", true),
        UNCHANGED("unchanged", true),
        PINNED("left alone (rolled back)", true),
        WOULD_CHANGE("would change (dry run)", true),
        ROLLED_BACK("rolled back", true),
        FAILED("failed", false),
        FAILED_ROLLED_BACK("failed, rolled back", false),
        FAILED_ROLLBACK_FAILED("failed, rollback failed too", false),
        /** The rollout succeeded but the deployment metadata tags could not be written (the next deploy repairs them). */
        DEPLOYED_TAGS_FAILED("deployed, tags not written", false),
        /** The run stopped (a failure elsewhere, a signal) before it changed this service. */
        NOT_STARTED("left untouched (the run stopped first)", false);

        private final String label;
        private final boolean ok;

        Outcome(String label, boolean ok) {
            this.label = label;
            this.ok = ok;
        }

        public String label() {
            return label;
        }

        public boolean ok() {
            return ok;
        }
    }

    public boolean ok() {
        return outcome.ok();
    }
}
