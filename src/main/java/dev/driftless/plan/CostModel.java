package dev.driftless.plan;

import dev.driftless.spec.Capacity;
import dev.driftless.spec.CostSettings;
import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.EnvironmentSpec;
import dev.driftless.spec.Schedule;
import dev.driftless.spec.ServiceDeploy;
import dev.driftless.spec.ServiceView;
import dev.driftless.spec.TaskSettings;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
        return estimate(spec, views, month, environment.map(Set::of).orElse(Set.of()));
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
        return estimate(spec, services, month, Set.of());
    }

    private CostEstimate estimate(DeploySpec spec, Collection<ServiceView> services, YearMonth month, Set<String> scope) {
        List<Priced> priced = new ArrayList<>();
        for (ServiceView view : services) {
            priced.add(new Priced(view, environment(spec, view).schedule()));
        }
        return estimate(spec, priced, month, new LinkedHashSet<>(), scope);
    }

    /**
     * What a plan's existing services cost as they run now: their live size, count and capacity, for the
     * hours of the schedule deploy recorded on each ({@link ServiceTags#SCHEDULE}), so a schedule change
     * shows its real delta. Without a recorded schedule the spec's is used; a recorded one that cannot be
     * read back (hashed because too long for a tag, or unreadable) falls back to the spec's with a note.
     */
    public CostEstimate live(DeploySpec spec, Plan plan, Map<String, ServiceView> specViews, YearMonth month) {
        Set<String> notes = new LinkedHashSet<>();
        List<Priced> priced = new ArrayList<>();
        for (ServicePlan s : plan.services()) {
            ServiceView v = specViews.get(s.service());
            if (v != null && s.live() != null) {
                ServiceView view = LiveViews.of(v, s.live());
                priced.add(new Priced(view, recordedSchedule(environment(spec, view), view, s.live().scheduleTag(), notes)));
            }
        }
        // the plan's environment carries its share of the shared fixed items even before any service runs there
        return estimate(spec, priced, month, notes, plan.environment() == null ? Set.of() : Set.of(plan.environment()));
    }

    /** @param scope environments the estimate is for beyond those of its services (their fixed items count) */
    private CostEstimate estimate(DeploySpec spec, List<Priced> services, YearMonth month, Set<String> notes,
            Set<String> scope) {
        Set<String> environments = new LinkedHashSet<>(scope);
        List<ServiceCost> lines = new ArrayList<>();
        List<ShiftCost> shifts = new ArrayList<>();
        for (Priced p : services) {
            EnvironmentSpec env = environment(spec, p.view());
            environments.add(env.name());
            ServiceCost cost = serviceCost(spec, env, p, month, notes);
            lines.add(cost);
            shiftCost(p.view(), cost).ifPresent(shifts::add);
        }
        // shared items are split evenly over the environments that run services, so per-environment estimates add
        // up to the whole; an estimate of some environments carries their share and says so
        List<String> running = spec.environments().keySet().stream().filter(e -> !spec.servicesIn(e).isEmpty()).toList();
        long covered = running.stream().filter(environments::contains).count();
        boolean partial = !running.isEmpty() && covered < running.size();
        double share = partial ? (double) covered / running.size() : 1.0;
        List<FixedLine> fixed = new ArrayList<>();
        double sharedWhole = 0;
        for (CostSettings.FixedCost f : spec.cost().fixed()) {
            if (f.environment() == null) {
                sharedWhole += f.monthlyUsd();
                fixed.add(new FixedLine(partial ? f.name() + " (share " + covered + "/" + running.size() + ")" : f.name(),
                        null, f.monthlyUsd() * share));
            } else if (environments.contains(f.environment())) {
                fixed.add(new FixedLine(f.name(), f.environment(), f.monthlyUsd()));
            }
        }
        if (partial && sharedWhole > 0) {
            notes.add(String.format(java.util.Locale.ROOT, "fixed costs: %s's own items and %d/%d of the shared ones "
                    + "($%.2f of $%.2f, split evenly over the %d environments), so the environments' estimates add up to "
                    + "the whole", String.join(", ", environments), covered, running.size(), sharedWhole * share, sharedWhole,
                    running.size()));
        }
        return new CostEstimate(month, lines, fixed, spec.budget().monthlyUsd(), List.copyOf(notes), shifts);
    }

    /**
     * The second set of tasks a blue/green, canary or linear deploy runs: the service's full count at its
     * own rates, for the shift's waits and the bake (ECS's canary default of 10 minutes where the spec
     * gives none; a bake or linear wait the spec leaves to ECS counts as 0).
     */
    static Optional<ShiftCost> shiftCost(ServiceView view, ServiceCost cost) {
        ServiceDeploy d = view.deploy();
        if (!d.shiftsTraffic() || cost.tasks() <= 0) {
            return Optional.empty();
        }
        long bake = d.bakeTime() == null ? 0 : d.bakeTime().toMinutes();
        long shift;
        String strategy;
        String basis;
        switch (d.strategy()) {
            case ServiceDeploy.CANARY -> {
                shift = d.canary() == null || d.canary().canaryWait() == null ? DeploymentStrategy.DEFAULT_CANARY_MINUTES
                        : d.canary().canaryWait().toMinutes();
                strategy = "canary";
                basis = "canary " + shift + "m + bake " + bake + "m";
            }
            case ServiceDeploy.LINEAR -> {
                double step = d.linear() == null || d.linear().stepPercent() == null ? 0 : d.linear().stepPercent();
                long wait = d.linear() == null || d.linear().stepWait() == null ? 0 : d.linear().stepWait().toMinutes();
                long steps = step <= 0 ? 0 : (long) Math.ceil(100 / step);
                // the wait after the last step is the bake's, so n steps have n - 1 waits of their own
                shift = Math.max(0, steps - 1) * wait;
                strategy = "linear";
                basis = Math.max(0, steps - 1) + " steps × " + wait + "m + bake " + bake + "m";
            }
            default -> {
                shift = 0;
                strategy = "blue/green";
                basis = "bake " + bake + "m";
            }
        }
        double minutes = shift + bake;
        double usd = cost.hours() <= 0 ? 0 : cost.monthlyUsd() / cost.hours() * minutes / 60.0;
        return Optional.of(new ShiftCost(view.name(), view.environment(), strategy, basis, minutes, cost.tasks(), usd,
                d.deploysPerMonth()));
    }

    /** The schedule a recorded tag stands for, null meaning always on like a spec without one. */
    private static Schedule recordedSchedule(EnvironmentSpec env, ServiceView view, String tag, Set<String> notes) {
        if (tag == null) {
            return env.schedule();
        }
        if (tag.equals(ScheduleText.ALWAYS)) {
            return null;
        }
        Optional<Schedule> recorded = ScheduleText.parse(tag);
        if (recorded.isEmpty()) {
            notes.add(view.environment() + "/" + view.name() + ": the schedule recorded on the live service (`" + tag
                    + "`) cannot be read back, so its live cost uses the spec's schedule");
        }
        return recorded.orElse(env.schedule());
    }

    private static EnvironmentSpec environment(DeploySpec spec, ServiceView view) {
        return spec.environment(view.environment()).orElseThrow(
                () -> new IllegalArgumentException("no environment " + view.environment() + " in " + spec.name()));
    }

    private ServiceCost serviceCost(DeploySpec spec, EnvironmentSpec env, Priced priced, YearMonth month, Set<String> notes) {
        ServiceView view = priced.view();
        Schedule schedule = priced.schedule();
        double hours;
        String basis;
        if (schedule == null) {
            hours = month.lengthOfMonth() * 24.0;
            basis = "always on, " + month.lengthOfMonth() + " UTC days";
        } else {
            hours = new ScheduleEvaluator(schedule).runningHours(month);
            basis = "schedule, " + schedule.timezone().getId();
        }
        PriceQuote quote = prices.quote(spec.region(), view.architecture(), spec.cost().prices());
        notes.addAll(quote.notes());
        FargateRates rates = quote.rates();

        // Application Auto Scaling never lets the service run fewer tasks than its minimum
        int tasks = Math.max(0, Math.max(view.desiredCount(), view.autoscaling() == null ? 0 : view.autoscaling().min()));
        Capacity capacity = view.capacity() == null ? env.capacity() : view.capacity();
        // ECS places whole tasks: the base first, then by the weights
        TaskPlacement placed = TaskPlacement.of(capacity, tasks);
        double spotTasks = placed.spot();
        double onDemandTasks = placed.onDemand();
        if (spotTasks > 0 && !rates.hasSpot()) {
            notes.add(view.environment() + "/" + view.name() + ": Fargate Spot runs X86_64 tasks only; "
                    + view.architecture() + " priced on demand");
        }
        Integer storage = view.task() == null ? null : view.task().ephemeralStorage();
        double usdPerHour = onDemandTasks * rates.onDemandTaskHour(view.vcpu(), view.memoryGb())
                + spotTasks * rates.spotTaskHour(view.vcpu(), view.memoryGb())
                + tasks * rates.storageTaskHour(storage);
        if (storage != null && storage > TaskSettings.FREE_EPHEMERAL_GIB) {
            basis += ", " + storage + " GiB storage (" + (storage - TaskSettings.FREE_EPHEMERAL_GIB) + " beyond the free "
                    + TaskSettings.FREE_EPHEMERAL_GIB + ")";
        }
        return new ServiceCost(view.name(), view.environment(), view.architecture(), view.vcpu(), view.memoryGb(),
                hours, basis, onDemandTasks, spotTasks, rates, usdPerHour * hours);
    }

    /** A service to price and the schedule its hours follow (null: always on). */
    private record Priced(ServiceView view, Schedule schedule) {
    }
}
