package dev.driftless.plan;

import java.util.List;

/**
 * What applying the spec would do to one service.
 *
 * @param liveTaskDefinitionArn the service's task definition now; null when the service is to be created
 * @param registerTaskDefinition the rendered definition differs from the live one: deploy registers a new revision
 * @param updateService service settings (count, capacity, network, ...) differ: deploy calls UpdateService with them
 * @param updateAutoscaling the scalable target or its policies differ
 * @param notes facts worth showing that are not changes (stopped by the schedule, managed outside driftless, ...)
 */
public record ServicePlan(
        String service,
        Action action,
        List<Change> changes,
        DesiredService desired,
        String liveTaskDefinitionArn,
        boolean registerTaskDefinition,
        boolean updateService,
        boolean updateAutoscaling,
        List<String> notes,
        LiveFacts live) {

    public enum Action { CREATE, UPDATE, NONE }

    /**
     * What runs now, for the live side of a cost comparison; null when the service does not exist.
     *
     * @param desiredCount the count the service runs when up (the saved count while the schedule has it stopped)
     * @param scheduleTag the schedule deploy recorded on the service ({@link ServiceTags#SCHEDULE}); null when
     *                    none is recorded (deployed before driftless kept it, or created outside driftless)
     * @param deployment the live deployment strategy (null: plain rolling), to price its shifts like the spec's
     */
    public record LiveFacts(int cpu, int memory, String cpuArchitecture, int desiredCount,
                            List<ServiceSettings.CapacityItem> capacityProviderStrategy, String scheduleTag,
                            DeploymentStrategy deployment) {
        public LiveFacts(int cpu, int memory, String cpuArchitecture, int desiredCount,
                List<ServiceSettings.CapacityItem> capacityProviderStrategy, String scheduleTag) {
            this(cpu, memory, cpuArchitecture, desiredCount, capacityProviderStrategy, scheduleTag, null);
        }

        public LiveFacts {
            capacityProviderStrategy = List.copyOf(capacityProviderStrategy);
        }
    }

    public ServicePlan {
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
    }

    /** This plan with one more note. */
    public ServicePlan withNote(String note) {
        List<String> more = new java.util.ArrayList<>(notes);
        more.add(note);
        return new ServicePlan(service, action, changes, desired, liveTaskDefinitionArn, registerTaskDefinition,
                updateService, updateAutoscaling, more, live);
    }

    public boolean hasChanges() {
        return action != Action.NONE;
    }

    public List<Change> drift() {
        return changes.stream().filter(Change::drift).toList();
    }

    /** The groups changed, in {@link ChangeGroup} order, each once. */
    public List<ChangeGroup> groups() {
        return changes.stream().map(Change::group).distinct().sorted().toList();
    }
}
