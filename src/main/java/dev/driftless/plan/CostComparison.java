package dev.driftless.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What the services cost as they run now (live) and as the change proposes, and the difference. */
public record CostComparison(CostEstimate live, CostEstimate proposed) {

    public double deltaUsd() {
        return proposed.totalUsd() - live.totalUsd();
    }

    /** One line per environment/service present on either side, in proposed order then live-only ones. */
    public List<Line> lines() {
        Set<String> keys = new LinkedHashSet<>();
        proposed.services().forEach(s -> keys.add(s.key()));
        live.services().forEach(s -> keys.add(s.key()));
        List<Line> lines = new ArrayList<>();
        for (String key : keys) {
            Optional<ServiceCost> before = find(live, key);
            Optional<ServiceCost> after = find(proposed, key);
            ServiceCost any = after.or(() -> before).orElseThrow();
            lines.add(new Line(any.environment(), any.service(),
                    before.map(ServiceCost::monthlyUsd).orElse(0.0), after.map(ServiceCost::monthlyUsd).orElse(0.0)));
        }
        return List.copyOf(lines);
    }

    /**
     * Every caveat of the comparison, the proposed side's first (a region priced at fallback rates, ARM64 on
     * demand, …), then those of the live figures only — what {@code cost} prints, so {@code plan} says it too.
     */
    public List<String> notes() {
        List<String> all = new ArrayList<>(proposed.notes());
        all.addAll(liveOnlyNotes());
        return List.copyOf(all);
    }

    /** Caveats that apply to the live figures only (the proposed side's are shown with its estimate). */
    public List<String> liveOnlyNotes() {
        return live.notes().stream().filter(n -> !proposed.notes().contains(n)).toList();
    }

    /** Whether some service runs different hours live than proposed (a schedule change), so both arithmetics matter. */
    public boolean hoursDiffer() {
        return live.services().stream().anyMatch(l -> find(proposed, l.key()).map(p -> p.hours() != l.hours()).orElse(false));
    }

    private static Optional<ServiceCost> find(CostEstimate e, String key) {
        return e.services().stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** A service's monthly cost before and after. */
    public record Line(String environment, String service, double liveUsd, double proposedUsd) {
        public double deltaUsd() {
            return proposedUsd - liveUsd;
        }
    }
}
