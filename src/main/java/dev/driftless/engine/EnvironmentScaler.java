package dev.driftless.engine;

import dev.driftless.DriftlessException;
import dev.driftless.engine.ScalableTargets.ScalableTarget;
import dev.driftless.engine.ServiceStates.ServiceState;
import dev.driftless.spec.ServiceView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Stops or starts an environment's services. Decides from one DescribeServices per 10 services (tags
 * included); reads scalable targets (one call) only for the services that may change; then makes only
 * the calls each change needs, so running it again on a converged environment mutates nothing.
 */
public final class EnvironmentScaler {
    public enum Direction { STOP, START }

    private final ServiceStates states;
    private final ScalableTargets targets;
    private final ServiceScaling scaling;

    public EnvironmentScaler(ServiceStates states, ScalableTargets targets, ServiceScaling scaling) {
        this.states = states;
        this.targets = targets;
        this.scaling = scaling;
    }

    /** @param services the services to act on, as the spec has them in this environment, in spec order */
    public ScalingReport scale(Direction direction, String cluster, List<ServiceView> services, Instant now, boolean dryRun) {
        List<String> names = services.stream().map(ServiceView::name).toList();
        Map<String, ServiceView> specs = services.stream()
                .collect(Collectors.toMap(ServiceView::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<String, ServiceState> found = states.read(cluster, names).stream()
                .collect(Collectors.toMap(ServiceState::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<String> candidates = found.values().stream().filter(s -> mayChange(direction, s, now)).map(ServiceState::name).toList();
        Map<String, ScalableTarget> read = candidates.isEmpty() ? Map.of() : targets.describe(cluster, candidates);

        List<ScalingDecision> decisions = new ArrayList<>();
        for (String name : names) {
            ServiceState s = found.get(name);
            if (s == null) {
                decisions.add(new ScalingDecision.Skip(name, "not found in cluster " + cluster));
            } else if (!candidates.contains(name)) {
                decisions.add(direction == Direction.STOP
                        ? ScalingDecider.stop(s, Optional.empty(), now)
                        : new ScalingDecision.Keep(name, "already running"));
            } else {
                Optional<ScalableTarget> t = Optional.ofNullable(read.get(name));
                decisions.add(direction == Direction.STOP ? ScalingDecider.stop(s, t, now) : ScalingDecider.start(s, t, specs.get(name)));
            }
        }
        Map<String, String> failed = new LinkedHashMap<>();
        if (!dryRun) {
            for (ScalingDecision d : decisions) {
                if (d instanceof ScalingDecision.Change c) {
                    try {
                        apply(cluster, c.step());
                    } catch (DriftlessException e) {
                        failed.put(c.service(), e.getMessage() + (e.hint() == null ? "" : " (" + e.hint() + ")"));
                    }
                }
            }
        }
        return new ScalingReport(direction, dryRun, decisions, failed);
    }

    /**
     * Whether DescribeServices alone leaves a change possible. Stop: up, or down without saved tags
     * (its target may still be up); skipped services need no target either. Start: down, or saved tags left.
     */
    private static boolean mayChange(Direction direction, ServiceState s, Instant now) {
        if (direction == Direction.START) {
            return s.desiredCount() == 0 || ScheduleTags.hasSaved(s.tags());
        }
        if (ScheduleTags.keepRunning(s.tags(), now).isPresent() || s.deploying()) {
            return false;
        }
        return s.desiredCount() > 0 || !ScheduleTags.hasSaved(s.tags());
    }

    private void apply(String cluster, ScalingStep step) {
        scaling.tag(step.arn(), step.tagsToWrite());
        step.targetAfter().ifPresent(t -> targets.register(cluster, step.service(), t.min(), t.max()));
        step.desiredAfter().ifPresent(n -> scaling.setDesiredCount(cluster, step.service(), n));
        scaling.untag(step.arn(), step.tagsToRemove());
    }
}
