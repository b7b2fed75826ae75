package dev.driftless.engine;

import dev.driftless.DriftlessException;
import dev.driftless.engine.ScalingStep.Bounds;
import dev.driftless.plan.DesiredRenderer;
import dev.driftless.plan.LiveEnvironment;
import dev.driftless.plan.LiveScaling;
import dev.driftless.plan.LiveService;
import dev.driftless.plan.ServiceTags;
import dev.driftless.plan.SpotFallback;
import dev.driftless.spec.EnvironmentSpec;
import dev.driftless.spec.ServiceView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stops or starts an environment's services. Decides from one DescribeServices per 10 services (tags
 * included); reads scalable targets only for the services that may change; then makes only the calls
 * each change needs, so running it again on a converged environment mutates nothing.
 */
public final class EnvironmentScaler {
    public enum Direction { STOP, START }

    private final LiveStateReader reader;
    private final ScalableTargets targets;
    private final ServiceScaling scaling;

    public EnvironmentScaler(LiveStateReader reader, ScalableTargets targets, ServiceScaling scaling) {
        this.reader = reader;
        this.targets = targets;
        this.scaling = scaling;
    }

    /** @param services the services to act on, as the spec has them in this environment, in spec order */
    public ScalingReport scale(Direction direction, String cluster, List<ServiceView> services, Instant now, boolean dryRun) {
        return scale(direction, cluster, services, now, dryRun, EnvironmentSpec.DEFAULT_FALLBACK_FOR);
    }

    /**
     * As {@link #scale(Direction, String, List, Instant, boolean)}; also returns to Fargate Spot every service whose
     * on-demand fallback is older than {@code fallbackFor}.
     */
    public ScalingReport scale(Direction direction, String cluster, List<ServiceView> services, Instant now, boolean dryRun,
            Duration fallbackFor) {
        return scale(direction, cluster, services, now, dryRun, fallbackFor, () -> () -> { });
    }

    /**
     * As {@link #scale(Direction, String, List, Instant, boolean, Duration)}; {@code beforeChanges} is called once,
     * only when something will change, before the first write (it takes the environment's lease), and what it
     * returns is closed after the last.
     */
    public ScalingReport scale(Direction direction, String cluster, List<ServiceView> services, Instant now, boolean dryRun,
            Duration fallbackFor, java.util.function.Supplier<? extends AutoCloseable> beforeChanges) {
        List<String> names = services.stream().map(ServiceView::name).toList();
        LiveEnvironment live = reader.services(cluster, names);
        List<String> candidates = live.services().values().stream()
                .filter(s -> mayChange(direction, s, now)).map(LiveService::name).toList();
        Map<String, LiveScaling> read = candidates.isEmpty() ? Map.of() : reader.scaling(cluster, candidates);

        List<ScalingDecision> decisions = new ArrayList<>();
        for (ServiceView spec : services) {
            String name = spec.name();
            Optional<LiveService> s = live.service(name);
            if (s.isEmpty()) {
                decisions.add(new ScalingDecision.Skip(name, live.clusterExists()
                        ? "not found in cluster " + cluster : "cluster " + cluster + " not found"));
            } else if (!candidates.contains(name)) {
                decisions.add(direction == Direction.STOP
                        ? ScalingDecider.stop(s.get(), Optional.empty(), now)
                        : new ScalingDecision.Keep(name, "already running"));
            } else {
                Optional<Bounds> t = Optional.ofNullable(read.get(name)).map(l -> new Bounds(l.min(), l.max()));
                decisions.add(direction == Direction.STOP ? ScalingDecider.stop(s.get(), t, now) : ScalingDecider.start(s.get(), t, spec));
            }
        }
        Map<String, String> failed = new LinkedHashMap<>();
        List<ServiceView> backToSpot = services.stream().filter(spec -> live.service(spec.name())
                .filter(s -> SpotFallback.usesSpot(DesiredRenderer.capacityStrategy(spec.capacity()))
                        && SpotFallback.over(s, now, fallbackFor)).isPresent()).toList();
        List<String> returned = new ArrayList<>();
        boolean changes = decisions.stream().anyMatch(ScalingDecision.Change.class::isInstance) || !backToSpot.isEmpty();
        if (dryRun) {
            backToSpot.forEach(spec -> returned.add(spec.name() + ": would return to Fargate Spot (on on-demand since "
                    + SpotFallback.since(live.service(spec.name()).orElseThrow()).map(Instant::toString).orElse("?") + ")"));
        } else if (changes) {
            try (AutoCloseable held = beforeChanges.get()) {
                for (ScalingDecision d : decisions) {
                    if (d instanceof ScalingDecision.Change c) {
                        try {
                            apply(cluster, c.step());
                        } catch (DriftlessException e) {
                            // the other services still get their change; the report and exit code carry this one
                            failed.put(c.service(), e.getMessage() + (e.hint() == null ? "" : " (fix: " + e.hint() + ")"));
                        }
                    }
                }
                for (ServiceView spec : backToSpot) {
                    returnToSpot(cluster, spec, live.service(spec.name()).orElseThrow(), fallbackFor, returned, failed);
                }
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return new ScalingReport(direction, dryRun, decisions, failed, returned);
    }

    /** Back to the spec's Spot strategy after an on-demand fallback older than {@code fallbackFor}. */
    private void returnToSpot(String cluster, ServiceView spec, LiveService s, Duration fallbackFor, List<String> returned,
            Map<String, String> failed) {
        String since = SpotFallback.since(s).map(Instant::toString).orElse("?");
        try {
            scaling.setCapacity(cluster, spec.name(), DesiredRenderer.capacityStrategy(spec.capacity()));
            scaling.untag(s.arn(), List.of(ServiceTags.CAPACITY_FALLBACK));
            returned.add(spec.name() + ": returned to Fargate Spot (on on-demand since " + since + ", longer than "
                    + dev.driftless.spec.Durations.format(fallbackFor) + ")");
        } catch (DriftlessException e) {
            failed.put(spec.name(), "returning it to Fargate Spot failed: " + e.getMessage()
                    + (e.hint() == null ? "" : " (fix: " + e.hint() + ")"));
        }
    }

    /**
     * Whether DescribeServices alone leaves a change possible. Stop: up, or down without saved tags
     * (its target may still be up); skipped services need no target. Start: down, or saved tags left.
     */
    private static boolean mayChange(Direction direction, LiveService s, Instant now) {
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
