package dev.driftless.engine;

import dev.driftless.plan.DesiredService;
import dev.driftless.plan.LiveService;
import dev.driftless.plan.ServicePlan;
import java.util.Optional;

/**
 * What deploy will do to one service, decided before anything changes.
 *
 * @param plan the plan's view of the service (its changes and the rendering)
 * @param live null when the service does not exist yet
 * @param note why a service is left alone (pinned by a rollback), or null
 */
public record ServiceStep(
        ServicePlan plan,
        LiveService live,
        Kind kind,
        boolean taskDefinitionChanged,
        boolean settingsChanged,
        boolean desiredCountChanged,
        String note) {

    /**
     * RECORD: nothing in ECS changes, only what driftless records on the service (a new schedule).
     * ADOPT: a service driftless did not deploy already runs what the spec says; only driftless's tags are added.
     * RETAG: nothing in ECS changes; the deployment tags are rewritten to describe what runs (metadata drift).
     */
    public enum Kind { CREATE, UPDATE, RECORD, ADOPT, RETAG, UNCHANGED, PINNED }

    public String service() {
        return plan.service();
    }

    public DesiredService desired() {
        return plan.desired();
    }

    /** The count UpdateService sets: the plan's (autoscaling clamps it to min..max), else the spec's. */
    public int desiredCount() {
        return plan.changes().stream().filter(c -> c.group() == dev.driftless.plan.ChangeGroup.DESIRED_COUNT && c.to() != null)
                .map(c -> Integer.parseInt(c.to())).findFirst().orElse(desired().settings().desiredCount());
    }

    /** The autoscaling (scalable target, policies) differs from the spec. */
    public boolean autoscalingChanged() {
        return kind == Kind.CREATE ? desired().autoscaling() != null : kind == Kind.UPDATE && plan.updateAutoscaling();
    }

    public Optional<LiveService> liveService() {
        return Optional.ofNullable(live);
    }

    /** A change that starts a new ECS deployment, so the waiter has to watch it. */
    public boolean startsDeployment() {
        return kind == Kind.CREATE || (kind == Kind.UPDATE && (taskDefinitionChanged || settingsChanged));
    }

    public boolean changes() {
        return kind == Kind.CREATE || kind == Kind.UPDATE;
    }

    /** One line for logs and the dry-run listing. */
    public String describe() {
        return switch (kind) {
            case CREATE -> service() + ": create with " + desired().taskDefinition().image();
            case UNCHANGED -> service() + ": unchanged";
            case RECORD -> service() + ": record its new schedule (" + note + "); nothing in ECS changes";
            case ADOPT -> service() + ": adopt: tags only (it already runs what the spec says; nothing is registered or updated)";
            case RETAG -> service() + ": repair its deployment tags (" + note + "); nothing in ECS changes";
            case PINNED -> service() + ": left alone — " + note;
            case UPDATE -> service() + ": update" + (taskDefinitionChanged ? " task definition (image "
                    + desired().taskDefinition().image() + ")" : "")
                    + (settingsChanged ? " service settings" : "")
                    + (desiredCountChanged ? " desired count → " + desiredCount() : "")
                    + (autoscalingChanged() ? " autoscaling" : "");
        };
    }
}
