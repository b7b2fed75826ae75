package dev.driftless.engine;

import java.util.Collection;
import java.util.Map;

/** The ECS calls that scale a service and keep what stop saved: desiredCount and service tags. */
public interface ServiceScaling {

    void setDesiredCount(String cluster, String service, int desiredCount);

    /** Adds or overwrites tags on the service, by its long ARN ({@code ...:service/CLUSTER/NAME}). */
    void tag(String serviceArn, Map<String, String> tags);

    void untag(String serviceArn, Collection<String> keys);
}
