package dev.driftless.engine;

import dev.driftless.plan.LiveEnvironment;
import dev.driftless.plan.LiveScaling;
import dev.driftless.plan.TaskDefinition;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what runs in an environment. Implementations batch (DescribeServices takes 10 names and
 * returns tags with them) and never make a call per task; callers ask once per round for all the
 * services they care about.
 */
public interface LiveStateReader {

    /** The named services in the cluster; a missing cluster or service is reported, not thrown. */
    LiveEnvironment services(String cluster, List<String> names);

    /**
     * A task definition by ARN (or family:revision), normalised; empty when it does not exist.
     *
     * @param containerName the container to compare (the service's name) when the definition has several
     */
    Optional<TaskDefinition> taskDefinition(String arnOrFamilyRevision, String containerName);

    /** Application Auto Scaling targets of the named services, by service name; services without one are absent. */
    Map<String, LiveScaling> scaling(String cluster, List<String> names);
}
