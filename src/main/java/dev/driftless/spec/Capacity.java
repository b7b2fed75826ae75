package dev.driftless.spec;

/** Where an environment's tasks run. */
public sealed interface Capacity permits Capacity.Spot, Capacity.OnDemand, Capacity.Mixed {

    /** Share of tasks, beyond the base, that run on Fargate Spot (0..1). */
    double spotShare();

    /** FARGATE_SPOT for every task; FARGATE is listed at weight 0, which ECS never places a task on (no fallback). */
    record Spot() implements Capacity {
        @Override
        public double spotShare() {
            return 1.0;
        }
    }

    /** FARGATE only. */
    record OnDemand() implements Capacity {
        @Override
        public double spotShare() {
            return 0.0;
        }
    }

    /** Weights as ECS takes them: the first {@code base} tasks on FARGATE, the rest split spot:onDemand. */
    record Mixed(int spot, int onDemand, int base) implements Capacity {
        @Override
        public double spotShare() {
            int total = spot + onDemand;
            return total == 0 ? 0.0 : (double) spot / total;
        }
    }
}
