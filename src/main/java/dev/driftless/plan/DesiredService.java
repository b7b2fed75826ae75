package dev.driftless.plan;

import dev.driftless.spec.Autoscaling;
import dev.driftless.spec.Schedule;
import java.util.Map;

/**
 * A service as the spec wants it in one environment, rendered for one image.
 *
 * @param name the ECS service name (the spec's service key) and the container name
 * @param specHash the hash of {@link #taskDefinition()} (see {@link SpecHash}); deploy stores it in the
 *                 service tag {@link ServiceTags#SPEC_HASH}, so a later plan that renders the same hash needs no
 *                 DescribeTaskDefinition
 * @param autoscaling null when the service does not autoscale
 * @param schedule the environment's schedule; null when it runs always
 * @param tags the tags every resource of the service carries (the spec's tags plus driftless's own)
 */
public record DesiredService(
        String name,
        String cluster,
        TaskDefinition taskDefinition,
        ServiceSettings settings,
        String specHash,
        Autoscaling autoscaling,
        Schedule schedule,
        Map<String, String> tags) {

    public DesiredService {
        tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(tags));
    }

    /** This service with other settings. */
    public DesiredService withSettings(ServiceSettings other) {
        return new DesiredService(name, cluster, taskDefinition, other, specHash, autoscaling, schedule, tags);
    }
}
