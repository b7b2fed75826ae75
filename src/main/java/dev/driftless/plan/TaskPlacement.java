package dev.driftless.plan;

import dev.driftless.spec.Capacity;

/**
 * How many whole tasks ECS places on FARGATE and on FARGATE_SPOT for a capacity provider strategy, as its
 * documentation describes placement: the {@code base} first on its provider, then every further task on the
 * provider that is furthest below its weight's share. ECS does not document how it rounds a share that is not
 * a whole task; this places task by task (so 3 tasks at 1:1 are 2 and 1, and 5 at 1:4 are 1 and 4, the
 * documentation's example), a tie going to the provider listed first — FARGATE_SPOT in the strategies driftless
 * writes. A provider at weight 0 gets no task beyond a base.
 */
public record TaskPlacement(int onDemand, int spot) {

    public static TaskPlacement of(Capacity capacity, int tasks) {
        int n = Math.max(0, tasks);
        if (capacity instanceof Capacity.Spot) {
            return new TaskPlacement(0, n);
        }
        if (!(capacity instanceof Capacity.Mixed m)) {
            return new TaskPlacement(n, 0);
        }
        int base = Math.min(Math.max(0, m.base()), n);
        int spotWeight = Math.max(0, m.spot());
        int onDemandWeight = Math.max(0, m.onDemand());
        if (spotWeight == 0 && onDemandWeight == 0) {
            return new TaskPlacement(n, 0); // ECS refuses such a strategy; price it as on-demand
        }
        int spot = 0;
        int onDemand = 0;
        for (int i = base; i < n; i++) {
            // compare (placed + 1) / weight without dividing: the provider whose next task keeps it lowest wins
            boolean toSpot = onDemandWeight == 0
                    || spotWeight > 0 && (long) (spot + 1) * onDemandWeight <= (long) (onDemand + 1) * spotWeight;
            if (toSpot) {
                spot++;
            } else {
                onDemand++;
            }
        }
        return new TaskPlacement(base + onDemand, spot);
    }
}
