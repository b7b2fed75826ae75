package dev.driftless.plan;

import dev.driftless.spec.Capacity;
import dev.driftless.spec.ServiceView;
import java.util.List;

/**
 * The services of a plan as they run now, in the spec's shape, so the cost model can price the live
 * side of a plan exactly like the proposed side.
 */
public final class LiveViews {
    private LiveViews() {
    }

    /** The spec's view of a service with the size, count and capacity it runs with now. */
    public static ServiceView of(ServiceView v, ServicePlan.LiveFacts f) {
        return new ServiceView(v.name(), v.environment(), v.image(), f.cpu(), f.memory(), f.cpuArchitecture(), v.port(),
                v.command(), v.variables(), v.secrets(), v.healthCheck(), v.loadBalancer(), f.desiredCount(),
                v.autoscaling(), capacity(f.capacityProviderStrategy()),
                DeploymentStrategy.toSpec(f.deployment(), v.deploy().deploysPerMonth()), null, null, null, v.shape());
    }

    /** The spec's capacity a provider strategy amounts to (the inverse of {@link DesiredRenderer#capacityStrategy}). */
    public static Capacity capacity(List<ServiceSettings.CapacityItem> strategy) {
        int spot = 0;
        int onDemand = 0;
        int base = 0;
        for (ServiceSettings.CapacityItem i : strategy) {
            if (DesiredRenderer.FARGATE_SPOT.equals(i.provider())) {
                spot += i.weight();
            } else {
                onDemand += i.weight();
                base += i.base();
            }
        }
        if (spot > 0 && onDemand == 0 && base == 0) {
            return new Capacity.Spot();
        }
        if (spot == 0) {
            return new Capacity.OnDemand();
        }
        return new Capacity.Mixed(spot, onDemand, base);
    }
}
