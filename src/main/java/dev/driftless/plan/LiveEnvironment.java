package dev.driftless.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What exists in one environment's cluster for the services asked about. A missing cluster or
 * service is a fact ("to create"), never an error.
 *
 * @param services the services found ACTIVE or DRAINING, by name, in the order asked
 * @param missing the names asked about that do not exist (or are INACTIVE), in the order asked
 */
public record LiveEnvironment(String cluster, boolean clusterExists, Map<String, LiveService> services, List<String> missing) {

    public LiveEnvironment {
        services = services == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(services));
        missing = missing == null ? List.of() : List.copyOf(missing);
    }

    public static LiveEnvironment noCluster(String cluster, List<String> asked) {
        return new LiveEnvironment(cluster, false, Map.of(), asked);
    }

    public Optional<LiveService> service(String name) {
        return Optional.ofNullable(services.get(name));
    }
}
