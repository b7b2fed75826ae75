package dev.driftless.engine;

import java.util.List;

/** The services of a cluster by name (ListServices), for commands that act on all of them. */
public interface ClusterServices {

    /** Every service's name in the cluster, sorted. */
    List<String> names(String cluster);
}
