package dev.driftless.plan;

import dev.driftless.spec.Capacity;
import dev.driftless.spec.CostSettings;
import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.EnvironmentSpec;
import dev.driftless.spec.ServiceView;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Estimates a calendar month's cost: for each service in each environment, the hours the environment
 * runs that month × tasks × (vCPU × price per vCPU-hour + GB × price per GB-hour), the Spot share at Spot
 * rates, plus the spec's fixed monthly items as separate lines.
 *
 * <p>Hours: an environment with a schedule runs the hours its windows cover in the month, counted in
 * the schedule's zone (DST included). An environment without a schedule runs every hour of the month
 * counted in UTC, the calendar AWS bills and Cost Explorer reports in (November = 720 h), because it has
 * no zone of its own.
 */
public final class CostModel {
    private final PriceTable prices;

    public CostModel(PriceTable prices) {
        this.prices = prices;
    }

    /** The estimate of the spec as written, for one environment or (empty) all of them. */
    public CostEstimate proposed(DeploySpec spec, Optional<String> environment, YearMonth month) {
        List<ServiceView> views = new ArrayList<>();
        for (String env : spec.environments().keySet()) {
            if (environment.isEmpty() || environment.get().equals(env)) {
                views.addAll(spec.servicesIn(env).values());
            }
        }
        return estimate(spec, views, month);
    }

    /** The estimate if every environment ran all month, ignoring schedules: what scheduling is measured against. */
    public CostEstimate alwaysOn(DeploySpec spec, YearMonth month) {
        java.util.Map<String, EnvironmentSpec> unscheduled = new java.util.LinkedHashMap<>();
        spec.environments().forEach((name, e) -> unscheduled.put(name, new EnvironmentSpec(e.name(), e.cluster(), e.role(),
                e.capacity(), e.network(), null, e.timeout(), e.url())));
        DeploySpec always = new DeploySpec(spec.file(), spec.apiVersion(), spec.kind(), spec.name(), spec.account(),
                spec.region(), spec.tags(), spec.budget(), spec.cost(), spec.tracker(), spec.deploy(), unscheduled,
                spec.services(), spec.roles(), spec.logs(), spec.test());
        return proposed(always, Optional.empty(), month);
    }

    /**
     * The estimate for these services (the spec's, or views built from live state), with the spec's
     * schedules, prices, fixed items and budget. Fixed items shared by all environments are always
     * included; an environment's own items only when one of the services runs there.
     */
    public CostEstimate estimate(DeploySpec spec, Collection<ServiceView> services, YearMonth month) {
        Set<String> notes = new LinkedHashSet<>();
        Set<String> environments = new LinkedHashSet<>();
        List<ServiceCost> lines = new ArrayList<>();
        for (ServiceView view : services) {
            EnvironmentSpec env = spec.environment(view.environment()).orElseThrow(
                    () -> new IllegalArgumentException("no environment " + view.environment() + " in " + spec.name()));
            environments.add(env.name());
            lines.add(serviceCost(spec, env, view, month, notes));
        }
        List<FixedLine> fixed = new ArrayList<>();
        for (CostSettings.FixedCost f : spec.cost().fixed()) {
            if (f.environment() == null || environments.contains(f.environment())) {
                fixed.add(new FixedLine(f.name(), f.environment(), f.monthlyUsd()));
            }
        }
        return new CostEstimate(month, lines, fixed, spec.budget().monthlyUsd(), List.copyOf(notes));
    }

    private ServiceCost serviceCost(
            DeploySpec spec, EnvironmentSpec env, ServiceView view, YearMonth month, Set<String> notes) {
        double hours;
        String basis;
        if (env.schedule() == null) {
            hours = month.lengthOfMonth() * 24.0;
            basis = "always on, " + month.lengthOfMonth() + " UTC days";
        } else {
            hours = new ScheduleEvaluator(env.schedule()).runningHours(month);
            basis = "schedule, " + env.schedule().timezone().getId();
        }
        PriceQuote quote = prices.quote(spec.region(), view.architecture(), spec.cost().prices());
        notes.addAll(quote.notes());
        FargateRates rates = quote.rates();

        int tasks = Math.max(0, view.desiredCount());
        Capacity capacity = view.capacity() == null ? env.capacity() : view.capacity();
        int base = capacity instanceof Capacity.Mixed m ? Math.min(Math.max(0, m.base()), tasks) : 0;
        double spotTasks = (tasks - base) * capacity.spotShare();
        double onDemandTasks = tasks - spotTasks;
        if (spotTasks > 0 && !rates.hasSpot()) {
            notes.add(view.environment() + "/" + view.name() + ": Fargate Spot runs X86_64 tasks only; "
                    + view.architecture() + " priced on demand");
        }
        double usdPerHour = onDemandTasks * rates.onDemandTaskHour(view.vcpu(), view.memoryGb())
                + spotTasks * rates.spotTaskHour(view.vcpu(), view.memoryGb());
        return new ServiceCost(view.name(), view.environment(), view.architecture(), view.vcpu(), view.memoryGb(),
                hours, basis, onDemandTasks, spotTasks, rates, usdPerHour * hours);
    }
}
