package dev.driftless.plan;

import java.util.Comparator;
import java.util.List;

/**
 * The service-level settings driftless manages (everything but the task definition and tags), in
 * the shape DescribeServices reports them, so desired and live compare field by field.
 *
 * @param desiredCount the task count the spec asks for (autoscaling may move it within min..max)
 * @param deployment ECS's deployment strategy; null for plain rolling (see {@link DeploymentStrategy})
 */
public record ServiceSettings(
        int desiredCount,
        List<CapacityItem> capacityProviderStrategy,
        NetworkSettings network,
        List<LoadBalancerBinding> loadBalancers,
        boolean circuitBreaker,
        boolean circuitBreakerRollback,
        String propagateTags,
        // left out of the settings hash when null, so services on plain rolling keep the hash they were tagged with
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        DeploymentStrategy deployment,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_DEFAULT)
        boolean enableExecuteCommand) {

    /** Settings of a service on ECS's plain rolling strategy. */
    public ServiceSettings(int desiredCount, List<CapacityItem> capacityProviderStrategy, NetworkSettings network,
            List<LoadBalancerBinding> loadBalancers, boolean circuitBreaker, boolean circuitBreakerRollback,
            String propagateTags) {
        this(desiredCount, capacityProviderStrategy, network, loadBalancers, circuitBreaker, circuitBreakerRollback,
                propagateTags, null, false);
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

    /**
     * A target group the service registers its container port with.
     *
     * @param advanced the green target group, listener rules and role of a traffic-shifting strategy; null for rolling
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record LoadBalancerBinding(String targetGroupArn, String containerName, int containerPort, Advanced advanced) {
        public LoadBalancerBinding(String targetGroupArn, String containerName, int containerPort) {
            this(targetGroupArn, containerName, containerPort, null);
        }
    }

    /** ECS's {@code advancedConfiguration} of a load balancer: what blue/green, canary and linear move traffic with. */
    public record Advanced(String alternateTargetGroupArn, String productionListenerRule, String testListenerRule,
            String roleArn) {
    }

    /** These settings with another capacity provider strategy. */
    public ServiceSettings withCapacity(List<CapacityItem> other) {
        return new ServiceSettings(desiredCount, other, network, loadBalancers, circuitBreaker, circuitBreakerRollback,
                propagateTags, deployment, enableExecuteCommand);
    }

    /** These settings with another deployment strategy. */
    public ServiceSettings withDeployment(DeploymentStrategy other) {
        return new ServiceSettings(desiredCount, capacityProviderStrategy, network, loadBalancers, circuitBreaker,
                circuitBreakerRollback, propagateTags, other, enableExecuteCommand);
    }
}
