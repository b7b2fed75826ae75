package dev.driftless.aws;

import dev.driftless.engine.ServiceStates;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceField;

/** {@link ServiceStates} over DescribeServices: 10 names per call (the API's limit), tags included. */
public final class EcsServiceStates implements ServiceStates {
    private static final int NAMES_PER_CALL = 10;

    private final EcsClient ecs;

    public EcsServiceStates(EcsClient ecs) {
        this.ecs = ecs;
    }

    @Override
    public List<ServiceState> read(String cluster, List<String> names) {
        Map<String, ServiceState> found = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i += NAMES_PER_CALL) {
            List<String> batch = names.subList(i, Math.min(names.size(), i + NAMES_PER_CALL));
            DescribeServicesResponse r;
            try {
                r = ecs.describeServices(b -> b.cluster(cluster).services(batch).include(ServiceField.TAGS));
            } catch (SdkException e) {
                throw SdkFailures.translate(e, "ecs:DescribeServices", "cluster " + cluster);
            }
            for (Service s : r.services()) {
                if (!"INACTIVE".equals(s.status())) {
                    found.put(s.serviceName(), state(s));
                }
            }
        }
        List<ServiceState> ordered = new ArrayList<>();
        names.stream().map(found::get).filter(java.util.Objects::nonNull).forEach(ordered::add);
        return List.copyOf(ordered);
    }

    private static ServiceState state(Service s) {
        Map<String, String> tags = new LinkedHashMap<>();
        s.tags().forEach(t -> tags.put(t.key(), t.value()));
        boolean deploying = s.deployments().size() > 1
                || s.deployments().stream().anyMatch(d -> "PRIMARY".equals(d.status()) && inProgress(d));
        return new ServiceState(s.serviceName(), s.serviceArn(), s.desiredCount(), s.runningCount(), deploying, tags);
    }

    private static boolean inProgress(Deployment d) {
        return "IN_PROGRESS".equals(d.rolloutStateAsString());
    }
}
