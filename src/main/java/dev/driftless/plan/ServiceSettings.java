package dev.driftless.plan;

import java.util.Comparator;
import java.util.List;

/**
 * The service-level settings driftless manages (everything but the task definition and tags), in
 * the shape DescribeServices reports them, so desired and live compare field by field.
 *
 * @param desiredCount the task count the spec asks for (autoscaling may move it within min..max)
 */
public record ServiceSettings(
        int desiredCount,
        List<CapacityItem> capacityProviderStrategy,
        NetworkSettings network,
        List<LoadBalancerBinding> loadBalancers,
        boolean circuitBreaker,
        boolean circuitBreakerRollback,
        String propagateTags,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_DEFAULT)
        boolean enableExecuteCommand) {

    /** Settings without ECS Exec. */
    public ServiceSettings(int desiredCount, List<CapacityItem> capacityProviderStrategy, NetworkSettings network,
            List<LoadBalancerBinding> loadBalancers, boolean circuitBreaker, boolean circuitBreakerRollback,
            String propagateTags) {
        this(desiredCount, capacityProviderStrategy, network, loadBalancers, circuitBreaker, circuitBreakerRollback,
                propagateTags, false);
    }

    public ServiceSettings {
        capacityProviderStrategy = capacityProviderStrategy == null ? List.of()
                : capacityProviderStrategy.stream().sorted(Comparator.comparing(CapacityItem::provider)).toList();
        loadBalancers = loadBalancers == null ? List.of()
                : loadBalancers.stream().sorted(Comparator.comparing(LoadBalancerBinding::targetGroupArn)).toList();
    }

    /** One capacity provider entry: ECS places the first {@code base} tasks on it, the rest by weight. */
    public record CapacityItem(String provider, int weight, int base) {
    }

    /** awsvpc placement; null when the service has no network configuration. */
    public record NetworkSettings(List<String> subnets, List<String> securityGroups, boolean assignPublicIp) {
        public NetworkSettings {
            subnets = subnets == null ? List.of() : subnets.stream().sorted().toList();
            securityGroups = securityGroups == null ? List.of() : securityGroups.stream().sorted().toList();
        }
    }

    /** A target group the service registers its container port with. */
    public record LoadBalancerBinding(String targetGroupArn, String containerName, int containerPort) {
    }
}
