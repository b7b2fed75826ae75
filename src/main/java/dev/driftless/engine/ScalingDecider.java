package dev.driftless.engine;

import dev.driftless.engine.ScalingStep.Bounds;
import dev.driftless.plan.LiveService;
import dev.driftless.plan.ServiceTags;
import dev.driftless.spec.Autoscaling;
import dev.driftless.spec.ServiceView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Decides, from what was read, the calls that stop or start one service. No I/O. */
public final class ScalingDecider {
    private ScalingDecider() {
    }

    /**
     * Stop: save desiredCount and the target's min/max in tags (never replacing a value already saved,
     * so a second stop cannot save 0), lower the target to 0/0 so autoscaling cannot undo the stop,
     * then set desiredCount 0.
     *
     * @param target the service's scalable target, if it has one
     */
    public static ScalingDecision stop(LiveService s, Optional<Bounds> target, Instant now) {
        Optional<String> keep = ScheduleTags.keepRunning(s.tags(), now);
        if (keep.isPresent()) {
            return new ScalingDecision.Skip(s.name(), keep.get());
        }
        if (s.deploying()) {
            return new ScalingDecision.Skip(s.name(), "a deployment is in progress");
        }
        Map<String, String> save = new LinkedHashMap<>();
        if (s.desiredCount() > 0 && !s.tags().containsKey(ServiceTags.SCHEDULE_SAVED_DESIRED)) {
            save.put(ServiceTags.SCHEDULE_SAVED_DESIRED, Integer.toString(s.desiredCount()));
        }
        Optional<Bounds> lowered = Optional.empty();
        if (target.isPresent() && !target.get().lowered()) {
            if (!s.tags().containsKey(ServiceTags.SCHEDULE_SAVED_MIN) && !s.tags().containsKey(ServiceTags.SCHEDULE_SAVED_MAX)) {
                save.put(ServiceTags.SCHEDULE_SAVED_MIN, Integer.toString(target.get().min()));
                save.put(ServiceTags.SCHEDULE_SAVED_MAX, Integer.toString(target.get().max()));
            }
            lowered = Optional.of(Bounds.LOWERED);
        }
        Optional<Integer> desired = s.desiredCount() > 0 ? Optional.of(0) : Optional.empty();
        ScalingStep step = new ScalingStep(s.name(), s.arn(), s.desiredCount(), target, lowered, desired, save, List.of(),
                ScheduleTags.expiredKeepRunning(s.tags(), now).orElse(null));
        return step.changesNothing() ? new ScalingDecision.Keep(s.name(), "already stopped") : new ScalingDecision.Change(step);
    }

    /**
     * Start: restore the target's min/max and desiredCount from the saved tags, falling back to the
     * spec's values where a tag is missing, then remove the saved tags.
     *
     * @param spec the service as the spec has it in this environment, or null when the spec lacks it
     */
    public static ScalingDecision start(LiveService s, Optional<Bounds> target, ServiceView spec) {
        List<String> notes = new ArrayList<>();
        Optional<Bounds> restoreTarget = Optional.empty();
        Optional<Integer> savedMin = ServiceTags.count(s.tags(), ServiceTags.SCHEDULE_SAVED_MIN);
        Optional<Integer> savedMax = ServiceTags.count(s.tags(), ServiceTags.SCHEDULE_SAVED_MAX);
        Autoscaling specScaling = spec == null ? null : spec.autoscaling();
        boolean targetDown = target.map(Bounds::lowered).orElse(false);
        if (savedMin.isPresent() && savedMax.isPresent() && (target.isEmpty() || targetDown)) {
            restoreTarget = Optional.of(new Bounds(savedMin.get(), savedMax.get()));
        } else if (targetDown && specScaling != null) {
            restoreTarget = Optional.of(new Bounds(specScaling.min(), specScaling.max()));
            notes.add("no saved min/max; autoscaling " + specScaling.min() + "-" + specScaling.max() + " from the spec");
        } else if (targetDown) {
            notes.add("scalable target is at 0-0 with no saved min/max and no autoscaling in the spec; left as is");
        }
        Optional<Integer> desired = Optional.empty();
        if (s.desiredCount() == 0) {
            Optional<Integer> saved = ServiceTags.count(s.tags(), ServiceTags.SCHEDULE_SAVED_DESIRED);
            int count;
            if (saved.isPresent()) {
                count = saved.get();
            } else {
                count = spec == null ? 0 : spec.desiredCount();
                notes.add("no saved desiredCount; " + count + " from the spec");
            }
            Bounds bounds = restoreTarget.or(() -> target).orElse(null);
            if (bounds != null) {
                // Application Auto Scaling would move it into the bounds anyway; say so now
                count = Math.max(bounds.min(), Math.min(bounds.max(), count));
            }
            if (count > 0) {
                desired = Optional.of(count);
            }
        }
        List<String> remove = ScheduleTags.SAVED.stream().filter(s.tags()::containsKey).toList();
        ScalingStep step = new ScalingStep(s.name(), s.arn(), s.desiredCount(), target, restoreTarget, desired, Map.of(), remove,
                notes.isEmpty() ? null : String.join("; ", notes));
        return step.changesNothing()
                ? new ScalingDecision.Keep(s.name(), s.desiredCount() > 0 ? "already running" : "desiredCount 0 in the spec")
                : new ScalingDecision.Change(step);
    }
}
