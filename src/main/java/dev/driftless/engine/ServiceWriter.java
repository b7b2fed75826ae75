package dev.driftless.engine;

import dev.driftless.plan.DesiredService;
import dev.driftless.plan.ServiceSettings;
import java.util.Map;

/** The ECS calls that create and change services. */
public interface ServiceWriter {

    /**
     * CreateService with the desired settings (capacity strategy, circuit breaker with rollback, network,
     * load balancer, propagated tags) on this task definition; returns the service ARN.
     */
    String create(DesiredService service, String taskDefinitionArn, Map<String, String> tags);

    /**
     * UpdateService with only what is set: a task definition (a new deployment), service settings,
     * a desired count.
     */
    void update(Update update);

    /** Adds or overwrites tags on a service (by its long ARN). */
    void tag(String serviceArn, Map<String, String> tags);

    /** Removes tags from a service (by its long ARN). */
    void untag(String serviceArn, java.util.Collection<String> keys);

    /**
     * @param taskDefinitionArn null to keep the current one
     * @param settings null to keep the current capacity, network, load balancers and deployment settings
     * @param desiredCount null to keep the current count (autoscaling owns it)
     */
    record Update(String cluster, String service, String taskDefinitionArn, ServiceSettings settings,
            Integer desiredCount) {
        public boolean isEmpty() {
            return taskDefinitionArn == null && settings == null && desiredCount == null;
        }
    }
}
