package dev.driftless.plan;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * A month's estimated cost: Fargate per service and environment, fixed items apart, against the budget.
 *
 * @param budgetUsd the spec's budget.monthlyUsd, or null when it sets none
 * @param notes caveats about prices or hours the reader should see next to the figures
 * @param shifts the extra tasks of blue/green, canary and linear deploys (monthly only where the spec says how many)
 */
public record CostEstimate(
        YearMonth month,
        List<ServiceCost> services,
        List<FixedLine> fixed,
        Double budgetUsd,
        List<String> notes,
        List<ShiftCost> shifts) {

    /** An estimate without traffic-shifting deploys. */
    public CostEstimate(YearMonth month, List<ServiceCost> services, List<FixedLine> fixed, Double budgetUsd,
            List<String> notes) {
        this(month, services, fixed, budgetUsd, notes, List.of());
    }

    public CostEstimate {
        shifts = shifts == null ? List.of() : List.copyOf(shifts);
        services = List.copyOf(services);
        fixed = List.copyOf(fixed);
        notes = List.copyOf(notes);
    }

    public double fargateUsd() {
        return services.stream().mapToDouble(ServiceCost::monthlyUsd).sum();
    }

    public double fixedUsd() {
        return fixed.stream().mapToDouble(FixedLine::monthlyUsd).sum();
    }

    public double shiftsUsd() {
        return shifts.stream().mapToDouble(ShiftCost::monthlyUsd).sum();
    }

    public double totalUsd() {
        return fargateUsd() + fixedUsd() + shiftsUsd();
    }

    /** Budget left after this estimate (negative when over), if the spec has a budget. */
    public Optional<Double> headroomUsd() {
        return Optional.ofNullable(budgetUsd).map(b -> b - totalUsd());
    }

    public Optional<ServiceCost> service(String environment, String service) {
        return services.stream()
                .filter(s -> s.environment().equals(environment) && s.service().equals(service))
                .findFirst();
    }
}
