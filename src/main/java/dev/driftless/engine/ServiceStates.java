package dev.driftless.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the services stop/start decides on: one DescribeServices per 10 names, tags included.
 * (Stands in until the plan's live-state reader is on main; then it adapts that reader.)
 */
public interface ServiceStates {

    /** The named services that exist (ACTIVE or DRAINING) in the cluster, in the order asked; missing ones are left out. */
    List<ServiceState> read(String cluster, List<String> names);

    /**
     * One service as stop/start sees it.
     *
     * @param deploying a deployment is in progress (more than one deployment, or the PRIMARY one still rolling out)
     */
    record ServiceState(String name, String arn, int desiredCount, int runningCount, boolean deploying, Map<String, String> tags) {
        public ServiceState {
            tags = tags == null ? Map.of() : Map.copyOf(tags);
        }

        public Optional<String> tag(String key) {
            return Optional.ofNullable(tags.get(key));
        }
    }
}
