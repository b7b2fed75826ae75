package dev.driftless.tracker;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What one driftless run did, as the progress tracker records it. */
public sealed interface RunOutcome
        permits RunOutcome.Deployed, RunOutcome.RolledBack, RunOutcome.Scaled, RunOutcome.CostReported, RunOutcome.Built {

    Instant at();

    String application();

    /** Facts this run proved, which tick checklist items (see {@link ChecklistEvidence}). */
    Set<String> evidence();

    /** One service's result in a deploy or rollback. */
    /**
     * @param deployment a blue/green, canary or linear deploy's strategy and where its ECS service deployment
     *                   ended; null for rolling
     */
    record ServiceResult(String service, String taskDefinition, String image, boolean success, Duration duration,
                         String deployment) {
        public ServiceResult(String service, String taskDefinition, String image, boolean success, Duration duration) {
            this(service, taskDefinition, image, success, duration, null);
        }
    }

    /** A deploy of some services of one environment. */
    record Deployed(Instant at, String application, String environment, String gitSha, boolean onSpot,
                    List<ServiceResult> services, int healthyServices, int totalServices, Duration duration)
            implements RunOutcome {
        public Deployed {
            services = List.copyOf(services);
        }

        public boolean success() {
            return services.stream().allMatch(ServiceResult::success);
        }

        @Override
        public Set<String> evidence() {
            Set<String> e = new LinkedHashSet<>();
            for (ServiceResult s : services) {
                if (s.success()) {
                    e.add("deployed");
                    e.add("deployed:" + s.service());
                    if (onSpot) {
                        e.add("deployed-on-spot");
                    }
                }
            }
            return Set.copyOf(e);
        }
    }

    /** A rollback (manual or automatic) of some services of one environment. */
    record RolledBack(Instant at, String application, String environment, String gitSha, String target,
                      List<ServiceResult> services, Duration duration) implements RunOutcome {
        public RolledBack {
            services = List.copyOf(services);
        }

        public boolean success() {
            return services.stream().allMatch(ServiceResult::success);
        }

        @Override
        public Set<String> evidence() {
            return success() && !services.isEmpty() ? Set.of("rolled-back") : Set.of();
        }
    }

    /** A stop or start (by hand or by the schedule) that changed some services. */
    record Scaled(Instant at, String application, String environment, Action action, List<String> services,
                  int totalServices) implements RunOutcome {
        public Scaled {
            services = List.copyOf(services);
        }

        public enum Action { STOPPED, STARTED }

        @Override
        public Set<String> evidence() {
            return services.isEmpty() ? Set.of() : Set.of(action == Action.STOPPED ? "stopped" : "started");
        }
    }

    /** The cost model's estimates and Cost Explorer's actual figures (any may be absent). */
    record CostReported(Instant at, String application, Double monthly24x7, Double monthlyScheduled,
                        Double monthToDate, Double forecast) implements RunOutcome {
        @Override
        public Set<String> evidence() {
            return monthToDate == null ? Set.of() : Set.of("cost-report");
        }
    }

    /** Images built and pushed. */
    record Built(Instant at, String application, List<String> services, Duration duration) implements RunOutcome {
        public Built {
            services = List.copyOf(services);
        }

        @Override
        public Set<String> evidence() {
            Set<String> e = new LinkedHashSet<>();
            e.add("built");
            services.forEach(s -> e.add("built:" + s));
            return Set.copyOf(e);
        }
    }
}
