package dev.driftless.engine;

import dev.driftless.DriftlessException;
import dev.driftless.adopt.AdoptedService;
import dev.driftless.plan.LiveEnvironment;
import dev.driftless.plan.LiveScaling;
import dev.driftless.plan.LiveService;
import dev.driftless.plan.TaskDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads what {@code driftless init} adopts from a running cluster: the services (DescribeServices in
 * batches of 10, tags included), each one's task definition once, and the scalable targets and policies.
 */
public final class LiveAdopter {
    private final ClusterServices cluster;
    private final LiveStateReader reader;

    public LiveAdopter(ClusterServices cluster, LiveStateReader reader) {
        this.cluster = cluster;
        this.reader = reader;
    }

    /** The named services, or every service of the cluster when none is named. */
    public List<AdoptedService> read(String clusterName, List<String> names) {
        List<String> wanted = names.isEmpty() ? cluster.names(clusterName) : names;
        LiveEnvironment env = reader.services(clusterName, wanted);
        if (!env.clusterExists()) {
            throw new DriftlessException("cluster " + clusterName + " does not exist in this account and region",
                    "check --cluster and --region (or AWS_REGION)");
        }
        if (!env.missing().isEmpty()) {
            throw new DriftlessException("no service " + String.join(", ", env.missing()) + " in cluster " + clusterName,
                    "name services that run there (--service), or leave --service out to adopt every one");
        }
        if (wanted.isEmpty()) {
            throw new DriftlessException("cluster " + clusterName + " has no services to adopt",
                    "create the services first, or use --from-task-definition with the files you keep");
        }
        Map<String, LiveScaling> scaling = reader.scaling(clusterName, wanted);
        List<AdoptedService> out = new ArrayList<>();
        for (String name : wanted) {
            LiveService live = env.service(name).orElseThrow();
            // the container the load balancer targets is the service's own; else one named like the service
            String container = live.settings().loadBalancers().isEmpty() ? name
                    : live.settings().loadBalancers().get(0).containerName();
            TaskDefinition td = reader.taskDefinition(live.taskDefinitionArn(), container)
                    .orElseThrow(() -> new DriftlessException("service " + name + " runs task definition "
                            + live.taskDefinitionArn() + ", which ECS no longer describes", "deploy it once with a valid definition"));
            out.add(new AdoptedService(name, td, live.settings(), scaling.get(name), live.tags()));
        }
        return List.copyOf(out);
    }
}
