package dev.driftless.engine;

import dev.driftless.plan.LiveEnvironment;
import dev.driftless.plan.LiveScaling;
import dev.driftless.plan.LiveService;
import dev.driftless.plan.ServiceTags;
import dev.driftless.plan.TaskDefinition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Passes reads through and keeps the services read, so deploy can act on the same snapshot the plan
 * was computed from (deployments in progress, tags, ARNs) without reading them a second time.
 *
 * <p>It also spares deploy the DescribeTaskDefinition the plan makes to list field-level changes: the plan
 * asks for a live definition whose service tags say driftless deployed it only when the spec hash differs,
 * so deploy already knows the answer (register a new revision) and needs no field list. It gets a
 * definition with nothing in it, which differs from every rendering — unless the service's tags say its revision
 * keeps fields the spec does not model ({@link ServiceTags#CARRIED}): those are read, to be registered again.
 */
final class RememberingReader implements LiveStateReader {
    private final LiveStateReader reader;
    private final Map<String, LiveService> seen = new HashMap<>();

    RememberingReader(LiveStateReader reader) {
        this.reader = reader;
    }

    @Override
    public LiveEnvironment services(String cluster, List<String> names) {
        LiveEnvironment env = reader.services(cluster, names);
        seen.putAll(env.services());
        return env;
    }

    static final TaskDefinition NOT_READ = new TaskDefinition(null, 0, 0, null, List.of(), null, null, null, null, null);

    @Override
    public Optional<TaskDefinition> taskDefinition(String arnOrFamilyRevision, String containerName) {
        // the services seen this round, by the revision they run (the container name need not be the service's)
        LiveService live = seen.values().stream().filter(s -> arnOrFamilyRevision.equals(s.taskDefinitionArn()))
                .findFirst().orElse(null);
        if (live != null
                && live.tag(ServiceTags.TASK_DEFINITION).map(arnOrFamilyRevision::equals).orElse(false)
                && live.tag(ServiceTags.SPEC_HASH).filter(h -> !h.isBlank()).isPresent()
                // a revision that keeps fields the spec does not model is read, so the next one keeps them too
                && live.tag(ServiceTags.CARRIED).filter(c -> !c.isBlank()).isEmpty()) {
            return Optional.of(NOT_READ);
        }
        return reader.taskDefinition(arnOrFamilyRevision, containerName);
    }

    @Override
    public Map<String, LiveScaling> scaling(String cluster, List<String> names) {
        return reader.scaling(cluster, names);
    }

    Optional<LiveService> service(String name) {
        return Optional.ofNullable(seen.get(name));
    }
}
