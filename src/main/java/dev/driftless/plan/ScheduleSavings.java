package dev.driftless.plan;

import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.EnvironmentSpec;
import dev.driftless.spec.ServiceView;
import java.time.YearMonth;
import java.util.Collection;

/**
 * What an environment's schedule saves in a calendar month: the hours it is stopped (the month's real
 * length in the schedule's zone minus its running hours) times what its services cost per running
 * hour at the spec's prices.
 *
 * @param stoppedHours hours the schedule keeps the environment at zero; 0 without a schedule
 * @param savedUsd Fargate dollars not spent in those hours (fixed items such as a load balancer run on)
 */
public record ScheduleSavings(YearMonth month, double runningHours, double stoppedHours, double savedUsd) {

    public static ScheduleSavings of(DeploySpec spec, EnvironmentSpec env, Collection<ServiceView> services, YearMonth month,
            CostModel costs) {
        if (env.schedule() == null) {
            return new ScheduleSavings(month, month.lengthOfMonth() * 24.0, 0, 0);
        }
        ScheduleEvaluator evaluator = new ScheduleEvaluator(env.schedule());
        double running = evaluator.runningHours(month);
        double stopped = evaluator.stoppedHours(month);
        double usdPerRunningHour = 0;
        for (ServiceCost c : costs.estimate(spec, services, month).services()) {
            if (c.hours() > 0) {
                usdPerRunningHour += c.monthlyUsd() / c.hours();
            }
        }
        return new ScheduleSavings(month, running, stopped, usdPerRunningHour * stopped);
    }
}
