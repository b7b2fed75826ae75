package dev.driftless.engine;

import java.time.Instant;
import java.util.Optional;

/**
 * ECS's service deployments (ListServiceDeployments, DescribeServiceDeployments, StopServiceDeployment):
 * how a blue/green, canary or linear deploy — and any deploy with alarms — moves through its lifecycle.
 */
public interface ServiceDeployments {

    /** The ARN of the service's newest deployment created at or after {@code since}; empty while ECS has none yet. */
    Optional<String> newest(String cluster, String service, Instant since);

    /** The ARN of the service's deployment that is still pending, in progress or baking; empty when none is. */
    Optional<String> unfinished(String cluster, String service);

    /** One deployment as it is now. */
    ServiceDeploymentState describe(String arn);

    /** StopServiceDeployment with stop type ROLLBACK: traffic goes back to the source revision at once. */
    void rollback(String arn);
}
