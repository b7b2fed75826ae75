package dev.driftless.plan;

/**
 * What a traffic-shifting deploy of one service costs beyond its normal tasks: ECS starts the green
 * revision at the service's full task count next to blue, and both run until the bake ends, so each
 * deploy pays a second set of tasks for the shift waits plus the bake.
 *
 * @param strategy the strategy in words ("canary", "blue/green", "linear")
 * @param basis how the minutes were counted ("canary 5m + bake 10m")
 * @param minutes minutes the second set runs per deploy
 * @param tasks the second set's task count
 * @param usdPerDeploy its cost per deploy
 * @param deploysPerMonth the spec's expected deploys a month; null when it gives none (then the monthly figure is 0
 *                        and the cost is shown per deploy)
 */
public record ShiftCost(String service, String environment, String strategy, String basis, double minutes,
        double tasks, double usdPerDeploy, Integer deploysPerMonth) {

    public String key() {
        return environment + "/" + service;
    }

    /** Per deploy × deploys a month, or 0 without an expected count. */
    public double monthlyUsd() {
        return deploysPerMonth == null ? 0 : usdPerDeploy * deploysPerMonth;
    }
}
