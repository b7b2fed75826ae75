package dev.driftless.engine;

import dev.driftless.plan.DesiredService;
import dev.driftless.plan.LiveService;
import java.util.Optional;

/**
 * What deploy will do to one service, decided before anything changes.
 *
 * @param live null when the service does not exist yet
 * @param note why a service is left alone (pinned by a rollback), or null
 */
public record ServiceStep(
        DesiredService desired,
        LiveService live,
        Kind kind,
        boolean taskDefinitionChanged,
        boolean settingsChanged,
        boolean desiredCountChanged,
        String note) {

    public enum Kind { CREATE, UPDATE, UNCHANGED, PINNED }

    public String service() {
        return desired.name();
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
            case CREATE -> service() + ": create with " + desired.taskDefinition().image();
            case UNCHANGED -> service() + ": unchanged";
            case PINNED -> service() + ": left alone — " + note;
            case UPDATE -> service() + ": update" + (taskDefinitionChanged ? " task definition (image "
                    + desired.taskDefinition().image() + ")" : "")
                    + (settingsChanged ? " service settings" : "")
                    + (desiredCountChanged ? " desired count → " + desired.settings().desiredCount() : "");
        };
    }
}
