package dev.driftless.cli;

import dev.driftless.DriftlessException;
import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.EnvironmentSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of a GitHub Actions {@code strategy.matrix} from deploy-specs: one per environment ×
 * service (or per environment), each naming the spec file so a job can pass it back as {@code --specs}.
 */
final class Matrix {
    /** What one row stands for. */
    enum Per { service, environment }

    private Matrix() {
    }

    /**
     * @param environment only this environment (empty: all)
     * @param services only these services (empty: all)
     * @param scheduledOnly only environments that have a schedule
     */
    static List<Map<String, String>> rows(List<DeploySpec> specs, Per per, Optional<String> environment,
            List<String> services, boolean scheduledOnly) {
        List<Map<String, String>> rows = new ArrayList<>();
        boolean environmentFound = environment.isEmpty();
        List<String> unmatched = new ArrayList<>(services);
        for (DeploySpec spec : specs) {
            for (EnvironmentSpec env : spec.environments().values()) {
                if (environment.isPresent() && !environment.get().equals(env.name())) {
                    continue;
                }
                environmentFound = true;
                if (scheduledOnly && env.scheduleIfAny().isEmpty()) {
                    continue;
                }
                if (per == Per.environment) {
                    rows.add(row(spec, env.name(), null));
                    continue;
                }
                for (String service : spec.services().keySet()) {
                    if (services.isEmpty() || services.contains(service)) {
                        unmatched.remove(service);
                        rows.add(row(spec, env.name(), service));
                    }
                }
            }
        }
        if (!environmentFound) {
            throw new DriftlessException("no environment '" + environment.get() + "' in any deploy-spec",
                    "use one of: " + String.join(", ", specs.stream().flatMap(s -> s.environments().keySet().stream())
                            .distinct().toList()));
        }
        if (per == Per.service && !unmatched.isEmpty()) {
            throw new DriftlessException("no service " + String.join(", ", unmatched) + " in any deploy-spec",
                    "use one of: " + String.join(", ", specs.stream().flatMap(s -> s.services().keySet().stream())
                            .distinct().toList()));
        }
        return List.copyOf(rows);
    }

    private static Map<String, String> row(DeploySpec spec, String environment, String service) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("application", spec.name());
        row.put("specs", spec.file());
        row.put("environment", environment);
        if (service != null) {
            row.put("service", service);
        }
        return row;
    }
}
