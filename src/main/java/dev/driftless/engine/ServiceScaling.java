package dev.driftless.engine;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The ECS calls that scale a service and keep what stop saved: desiredCount and service tags. */
public interface ServiceScaling {

    void setDesiredCount(String cluster, String service, int desiredCount);

    /** Puts the service on another capacity provider strategy (a new deployment of the same revision, as ECS requires). */
    void setCapacity(String cluster, String service, List<dev.driftless.plan.ServiceSettings.CapacityItem> strategy);

    /** Adds or overwrites tags on the service, by its long ARN ({@code ...:service/CLUSTER/NAME}). */
    void tag(String serviceArn, Map<String, String> tags);

    void untag(String serviceArn, Collection<String> keys);
}
