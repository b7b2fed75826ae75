package dev.driftless.plan;

/**
 * One service's Fargate cost in one environment for a month.
 *
 * @param hours hours the environment runs that month (its schedule, or every hour of the UTC month)
 * @param hoursBasis how {@code hours} was counted, for the reader (and the ephemeral storage priced, when beyond the free 20 GiB)
 * @param onDemandTasks tasks on FARGATE (whole tasks, placed as ECS places a weighted split: {@link TaskPlacement})
 * @param spotTasks tasks on FARGATE_SPOT
 */
public record ServiceCost(
        String service,
        String environment,
        String architecture,
        double vcpu,
        double memoryGb,
        double hours,
        String hoursBasis,
        double onDemandTasks,
        double spotTasks,
        FargateRates rates,
        double monthlyUsd) {

    public String key() {
        return environment + "/" + service;
    }

    public double tasks() {
        return onDemandTasks + spotTasks;
    }
}
