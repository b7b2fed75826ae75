package dev.driftless.engine;

import dev.driftless.plan.DesiredService;
import dev.driftless.plan.LiveService;
import dev.driftless.plan.ServiceSettings;
import dev.driftless.plan.ServiceTags;
import dev.driftless.plan.SpecHash;
import dev.driftless.plan.SpotFallback;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One deploy's moves to on-demand: a service Fargate Spot had no capacity for goes to FARGATE for now (the same
 * revision, tagged with the instant), is waited for again within what is left of the timeout, and is remembered so
 * its deployment tags and its result describe what it runs.
 */
final class SpotFallbackMoves {
    private final ServiceWriter services;
    private final RolloutWaiter waiter;
    private final Clock clock;
    private final Progress progress;
    private final Map<String, ServiceSettings> moved = new LinkedHashMap<>();

    SpotFallbackMoves(ServiceWriter services, RolloutWaiter waiter, Clock clock, Progress progress) {
        this.services = services;
        this.waiter = waiter;
        this.clock = clock;
        this.progress = progress;
    }

    /** Moves the service whose wait ended short of Spot capacity and waits for it again; returns how that ended. */
    RolloutOutcome move(String cluster, RolloutOutcome shortOfSpot, DesiredService desired, Instant since, Duration timeout) {
        String service = shortOfSpot.service();
        ServiceSettings onDemand = desired.settings().withCapacity(SpotFallback.ON_DEMAND);
        services.update(new ServiceWriter.Update(cluster, service, null, onDemand, null));
        Instant now = clock.instant();
        LiveService after = waiter.reread(cluster, List.of(service)).get(service);
        if (after != null) {
            services.tag(after.arn(), Map.of(ServiceTags.CAPACITY_FALLBACK, now.toString(),
                    ServiceTags.SETTINGS_HASH, SpecHash.of(onDemand)));
        }
        moved.put(service, onDemand);
        progress.warning(service + ": Fargate Spot has no capacity for its tasks (" + String.join("; ", shortOfSpot.reasons())
                + "); moved it to on-demand (FARGATE) for now — a schedule, start or deploy after the environment's "
                + "capacity.fallbackFor returns it to Spot");
        Duration left = Duration.between(now, since.plus(timeout));
        return waiter.await(cluster, List.of(RolloutTarget.after(service, shortOfSpot.taskDefinitionArn(), after)),
                left.isNegative() || left.isZero() ? Duration.ofSeconds(1) : left).get(0);
    }

    boolean moved(String service) {
        return moved.containsKey(service);
    }

    /** The desired service as it runs now: on-demand when it was moved during this deploy. */
    DesiredService asRuns(DesiredService d) {
        ServiceSettings onDemand = moved.get(d.name());
        return onDemand == null ? d : d.withSettings(onDemand);
    }
}
