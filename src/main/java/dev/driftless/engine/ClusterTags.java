package dev.driftless.engine;

import java.util.Map;
import java.util.Set;

/** The tags of an ECS cluster: where the environment's lease lives. */
public interface ClusterTags {

    /** The cluster's tags; empty when the cluster does not exist (nothing can be deployed over then either). */
    Map<String, String> read(String cluster);

    void write(String cluster, Map<String, String> tags);

    void remove(String cluster, Set<String> keys);
}
