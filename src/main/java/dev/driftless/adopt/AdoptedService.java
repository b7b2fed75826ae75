package dev.driftless.adopt;

import dev.driftless.plan.LiveScaling;
import dev.driftless.plan.ServiceSettings;
import dev.driftless.plan.TaskDefinition;
import java.util.Map;

/**
 * One service to adopt, as read from ECS or from the files a team keeps, already normalised.
 *
 * @param settings null when only a task definition is known (no service definition file)
 * @param scaling null when the service does not autoscale
 * @param tags the service's tags (empty when unknown)
 */
public record AdoptedService(String name, TaskDefinition taskDefinition, ServiceSettings settings, LiveScaling scaling,
                             Map<String, String> tags) {
    public AdoptedService {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
