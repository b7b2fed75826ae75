package dev.driftless.plan;

import dev.driftless.spec.Autoscaling;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares one service's rendering with what runs, both sides normalised, and attributes each
 * difference: a change in git (planned) or a change made outside driftless (drift), using what
 * driftless recorded in the service's tags at its last deploy ({@link ServiceTags}).
 *
 * <p>Reading is the caller's job and is kept to a minimum: {@link #needsLiveTaskDefinition} and
 * {@link #needsDeployedTaskDefinition} say which DescribeTaskDefinition calls the comparison needs; for a
 * service whose tags show it still runs what driftless deployed from the same rendering, none.
 */
public final class PlanDiff {

    /**
     * @param live null when the service does not exist
     * @param liveTaskDefinition the live definition, normalised; null when {@link #needsLiveTaskDefinition} said no
     * @param deployedTaskDefinition the definition driftless last deployed (its tag's ARN), when the service now runs
     *                               another one and the rendering changed too; null otherwise
     * @param scaling the live scalable target; null when the service has none
     */
    public record Inputs(DesiredService desired, LiveService live, TaskDefinition liveTaskDefinition,
                         TaskDefinition deployedTaskDefinition, LiveScaling scaling) {
    }

    private PlanDiff() {
    }

    /** False when the tags prove the live definition is the one rendered now (same hash, same ARN as deployed). */
    public static boolean needsLiveTaskDefinition(DesiredService desired, LiveService live) {
        if (live == null) {
            return false;
        }
        return !(runsWhatWasDeployed(live) && live.tag(ServiceTags.SPEC_HASH).orElse("").equals(desired.specHash()));
    }

    /** The ARN of the last deployed definition when telling drift from planned changes needs its content. */
    public static Optional<String> needsDeployedTaskDefinition(DesiredService desired, LiveService live) {
        if (live == null || runsWhatWasDeployed(live) || live.tag(ServiceTags.SPEC_HASH).map(desired.specHash()::equals).orElse(true)) {
            return Optional.empty();
        }
        return live.tag(ServiceTags.TASK_DEFINITION);
    }

    public static ServicePlan diff(Inputs inputs) {
        Inputs in = inputs;
        DesiredService d = in.desired();
        LiveService live = in.live();
        if (live == null) {
            List<Change> created = new ArrayList<>();
            created.add(Change.of(ChangeGroup.CREATE, "service", null, summary(d)));
            created.addAll(Fields.diff(Map.of(), Fields.of(d.taskDefinition()), null, false));
            created.add(Change.of(ChangeGroup.DESIRED_COUNT, "desired count", null, String.valueOf(d.settings().desiredCount())));
            created.addAll(Fields.diff(Map.of(), Fields.of(d.settings()), null, false));
            created.addAll(Fields.diff(Map.of(), Fields.of(d.autoscaling()), null, false));
            return new ServicePlan(d.name(), ServicePlan.Action.CREATE, created, d, null, true, true,
                    d.autoscaling() != null, List.of(), null);
        }
        List<Change> changes = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean managed = live.tag(ServiceTags.SPEC_HASH).isPresent();
        if (in.liveTaskDefinition() != null) {
            in = carryOver(in);
            d = in.desired();
            List<String> kept = in.liveTaskDefinition().carried().names();
            if (!kept.isEmpty()) {
                notes.add("kept from the live task definition (the spec does not model them): " + String.join(", ", kept));
            }
        }
        if (live.deploying()) {
            notes.add("a deployment is in progress");
        }

        List<Change> td = taskDefinitionChanges(in, managed);
        changes.addAll(td);

        Optional<Integer> saved = ServiceTags.count(live.tags(), ServiceTags.SCHEDULE_SAVED_DESIRED);
        saved.ifPresent(n -> notes.add("stopped by the schedule; the next start restores " + n
                + (n == 1 ? " task" : " tasks")));
        int liveCount = saved.orElse(live.desiredCount());
        List<Change> count = desiredCountChange(d, live, liveCount);
        List<Change> settings = settingsChanges(d, live, managed);
        List<Change> scaling = autoscalingChanges(d, live, in.scaling(), managed);
        changes.addAll(count);
        changes.addAll(settings);
        changes.addAll(scaling);
        changes.addAll(scheduleChange(d, live));
        if (td.isEmpty()) {
            changes.addAll(metadataDrift(live, managed));
        }
        if (!managed) {
            notes.add(0, changes.isEmpty()
                    ? "adopt: tags only — the first deploy registers nothing and changes nothing in ECS; it adds driftless's tags"
                    : "not deployed by driftless yet: every difference is listed as a change, drift cannot be told apart");
        }
        boolean updateService = !count.isEmpty() || !settings.isEmpty() || !td.isEmpty();
        return new ServicePlan(d.name(), changes.isEmpty() ? ServicePlan.Action.NONE : ServicePlan.Action.UPDATE,
                changes.stream().sorted(java.util.Comparator.comparing(Change::group)).toList(),
                d, live.taskDefinitionArn(), !td.isEmpty(), updateService, !scaling.isEmpty(), notes, facts(in, liveCount));
    }

    /**
     * The rendering carrying over what the live definition holds and the spec cannot say, so a deploy never
     * drops it; and the live secrets written as the spec writes the same SSM parameter (name or ARN).
     */
    private static Inputs carryOver(Inputs in) {
        DesiredService d = in.desired();
        TaskDefinition live = in.liveTaskDefinition();
        TaskDefinition desired = d.taskDefinition().carryingOver(live.carried());
        if (live.container() != null && desired.container() != null) {
            String[] arn = in.live().arn() == null ? new String[0] : in.live().arn().split(":");
            if (arn.length > 4) {
                TaskDefinition.Container c = live.container();
                live = live.withContainer(c.withSecrets(
                        SecretReferences.asDesired(c.secrets(), desired.container().secrets(), arn[3], arn[4])));
                Map<String, TaskDefinition.Container> sidecars = new java.util.TreeMap<>();
                for (TaskDefinition.Container x : live.sidecars().values()) {
                    TaskDefinition.Container want = desired.sidecars().get(x.name());
                    sidecars.put(x.name(), want == null ? x
                            : x.withSecrets(SecretReferences.asDesired(x.secrets(), want.secrets(), arn[3], arn[4])));
                }
                live = live.withSidecars(sidecars);
            }
        }
        DesiredService carried = new DesiredService(d.name(), d.cluster(), desired, d.settings(), d.specHash(),
                d.autoscaling(), d.schedule(), d.tags());
        return new Inputs(carried, in.live(), live, in.deployedTaskDefinition(), in.scaling());
    }

    private static List<Change> taskDefinitionChanges(Inputs in, boolean managed) {
        if (in.liveTaskDefinition() == null) {
            if (needsLiveTaskDefinition(in.desired(), in.live())) {
                throw new IllegalArgumentException("the live task definition of " + in.desired().name() + " is needed to compare it");
            }
            return List.of();
        }
        Map<Fields.Key, Fields.Value> baseline;
        boolean driftWhenUnknown;
        if (!managed || runsWhatWasDeployed(in.live())) {
            baseline = null;
            driftWhenUnknown = false;
        } else if (in.live().tag(ServiceTags.SPEC_HASH).orElse("").equals(in.desired().specHash())) {
            baseline = Fields.of(in.desired().taskDefinition());
            driftWhenUnknown = true;
        } else {
            baseline = in.deployedTaskDefinition() == null ? null : Fields.of(in.deployedTaskDefinition());
            driftWhenUnknown = true;
        }
        return Fields.diff(Fields.of(in.liveTaskDefinition()), Fields.of(in.desired().taskDefinition()), baseline, driftWhenUnknown);
    }

    private static List<Change> desiredCountChange(DesiredService d, LiveService live, int liveCount) {
        Autoscaling a = d.autoscaling();
        int want = d.settings().desiredCount();
        if (a != null) {
            // autoscaling moves the count within min..max; only a count outside that range is a change
            if (liveCount >= a.min() && liveCount <= a.max()) {
                return List.of();
            }
            want = Math.max(a.min(), Math.min(a.max(), liveCount));
        }
        if (liveCount == want) {
            return List.of();
        }
        Optional<Integer> deployed = ServiceTags.count(live.tags(), ServiceTags.DESIRED_COUNT);
        boolean drift = deployed.isPresent() && deployed.get() != liveCount
                && (a == null || deployed.get() < a.min() || deployed.get() > a.max() || liveCount < a.min() || liveCount > a.max());
        return List.of(new Change(ChangeGroup.DESIRED_COUNT, "desired count", String.valueOf(liveCount), String.valueOf(want),
                false, drift));
    }

    private static List<Change> settingsChanges(DesiredService d, LiveService live, boolean managed) {
        // what the spec leaves to ECS (its default bake time, step share, ...) is not a change
        ServiceSettings liveSettings = live.settings().withDeployment(
                DeploymentStrategy.comparableTo(live.settings().deployment(), d.settings().deployment()));
        Optional<String> recorded = live.tag(ServiceTags.SETTINGS_HASH);
        boolean drifted = managed && recorded.isPresent() && !recorded.get().equals(SpecHash.of(liveSettings));
        Map<Fields.Key, Fields.Value> baseline = null;
        if (drifted && recorded.get().equals(SpecHash.of(d.settings()))) {
            baseline = Fields.of(d.settings());
        }
        return Fields.diff(Fields.of(liveSettings), Fields.of(d.settings()), baseline, drifted).stream()
                .map(PlanDiff::namedRolling).toList();
    }

    /** A strategy added or removed is a change from or to plain rolling: say so rather than "(none)". */
    private static Change namedRolling(Change c) {
        if (c.group() != ChangeGroup.DEPLOYMENT || !c.field().equals(Fields.STRATEGY)) {
            return c;
        }
        String rolling = DeploymentStrategy.words(null);
        return new Change(c.group(), c.field(), c.from() == null ? rolling : c.from(), c.to() == null ? rolling : c.to(),
                c.redacted(), c.drift());
    }

    private static List<Change> autoscalingChanges(DesiredService d, LiveService live, LiveScaling scaling, boolean managed) {
        Autoscaling liveA = scaling == null ? null : new Autoscaling(
                ServiceTags.count(live.tags(), ServiceTags.SCHEDULE_SAVED_MIN).orElse(scaling.min()),
                ServiceTags.count(live.tags(), ServiceTags.SCHEDULE_SAVED_MAX).orElse(scaling.max()),
                scaling.cpuPercent(), scaling.memoryPercent());
        Optional<String> recorded = live.tag(ServiceTags.AUTOSCALING);
        Map<Fields.Key, Fields.Value> baseline = !managed || recorded.isEmpty() ? null
                : Fields.of(ServiceTags.parseAutoscaling(recorded.get()).orElse(null));
        return Fields.diff(Fields.of(liveA), Fields.of(d.autoscaling()), baseline, false);
    }

    /**
     * The schedule lives in the spec only (the schedule command reads it there), so it is compared with the
     * tag deploy recorded, never with ECS; a service deployed before that tag existed has nothing to compare.
     */
    private static List<Change> scheduleChange(DesiredService d, LiveService live) {
        Optional<String> recorded = live.tag(ServiceTags.SCHEDULE);
        if (recorded.isEmpty() || recorded.get().equals(ScheduleText.tag(d.schedule()))) {
            return List.of();
        }
        return List.of(Change.of(ChangeGroup.SCHEDULE, "schedule", ScheduleText.recordedWords(recorded.get()),
                ScheduleText.words(d.schedule())));
    }

    /**
     * The tags deploy writes after a successful rollout name another revision than the one that runs: a run
     * was stopped (or its TagResource failed) between UpdateService and the tags. What runs is the truth;
     * deploy rewrites the tags to match it (with no ECS change when nothing else differs).
     */
    private static List<Change> metadataDrift(LiveService live, boolean managed) {
        Optional<String> tagged = live.tag(ServiceTags.TASK_DEFINITION).filter(t -> !t.isBlank());
        if (!managed || tagged.isEmpty() || live.taskDefinitionArn() == null || runsWhatWasDeployed(live)) {
            return List.of();
        }
        return List.of(new Change(ChangeGroup.METADATA, "deployment tags", "name " + shortArn(tagged.get()),
                "name " + shortArn(live.taskDefinitionArn()) + " (what runs)", false, true));
    }

    private static String shortArn(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    private static ServicePlan.LiveFacts facts(Inputs in, int liveCount) {
        // without a live definition the tags proved it equal to the rendering
        TaskDefinition td = in.liveTaskDefinition() != null && in.liveTaskDefinition().cpu() > 0
                ? in.liveTaskDefinition() : in.desired().taskDefinition();
        return new ServicePlan.LiveFacts(td.cpu(), td.memory(), td.cpuArchitecture(), liveCount,
                in.live().settings().capacityProviderStrategy(), in.live().tag(ServiceTags.SCHEDULE).orElse(null),
                in.live().settings().deployment());
    }

    private static boolean runsWhatWasDeployed(LiveService live) {
        return live.tag(ServiceTags.TASK_DEFINITION).map(arn -> Objects.equals(arn, live.taskDefinitionArn())).orElse(false);
    }

    private static String summary(DesiredService d) {
        TaskDefinition td = d.taskDefinition();
        int n = d.settings().desiredCount();
        return td.image() + ", " + Fields.cpu(td.cpu()) + ", " + Fields.memory(td.memory()) + ", " + n
                + (n == 1 ? " task" : " tasks") + " on " + Fields.capacity(d.settings().capacityProviderStrategy());
    }
}
