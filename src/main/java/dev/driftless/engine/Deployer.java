package dev.driftless.engine;

import dev.driftless.DriftlessException;
import dev.driftless.engine.ServiceResult.Outcome;
import dev.driftless.plan.DesiredService;
import dev.driftless.plan.LiveService;
import dev.driftless.plan.ServiceTags;
import dev.driftless.plan.SpecHash;
import dev.driftless.plan.SpotFallback;
import dev.driftless.spec.Autoscaling;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Applies exactly the planned steps: registers the revisions that changed, creates or updates services,
 * waits for the rollouts, tags what succeeded, rolls back what failed (unless told not to) and prunes
 * old revisions. Everything is checked before the first change.
 */
public final class Deployer {
    static final String TIMEOUT_FIX = "fix: if the rollout was still progressing, raise `timeout` (the environment's, or"
            + " --timeout); otherwise read the service events and stopped tasks above, and check the health check's"
            + " grace period (healthCheck.startPeriod) against how long the app takes to start";

    private final TaskDefinitionStore taskDefinitions;
    private final ServiceWriter services;
    private final ScalableTargets scaling;
    private final RolloutWaiter waiter;
    private final ServiceDeploymentWaiter serviceDeployments;
    private final Progress progress;
    private final Clock clock;

    public Deployer(TaskDefinitionStore taskDefinitions, ServiceWriter services, ScalableTargets scaling,
            RolloutWaiter waiter, Progress progress, Clock clock) {
        this(taskDefinitions, services, scaling, waiter, null, progress, clock);
    }

    /** @param serviceDeployments follows blue/green, canary and linear deploys; null: every service is waited on as rolling */
    public Deployer(TaskDefinitionStore taskDefinitions, ServiceWriter services, ScalableTargets scaling,
            RolloutWaiter waiter, ServiceDeploymentWaiter serviceDeployments, Progress progress, Clock clock) {
        this.serviceDeployments = serviceDeployments;
        this.taskDefinitions = taskDefinitions;
        this.services = services;
        this.scaling = scaling;
        this.waiter = waiter;
        this.progress = progress;
        this.clock = clock;
    }

    public DeployReport apply(String environment, String cluster, Map<String, String> environmentTags,
            List<ServiceStep> steps, DeployOptions options) {
        return apply(environment, cluster, environmentTags, steps, options, Map.of());
    }

    /**
     * Registers now the changed revisions of the services that {@code deploy.before} tasks run with, so the
     * tasks run with exactly what the deploy then rolls out; {@link #apply} takes them instead of registering again.
     */
    public Map<String, String> registerAhead(List<ServiceStep> steps, java.util.Collection<String> services,
            Map<String, String> environmentTags, DeployOptions options) {
        refuseWhileDeploying(steps, options.force());
        Map<String, String> registered = new LinkedHashMap<>();
        for (ServiceStep s : steps) {
            if (services.contains(s.service()) && s.changes() && (s.taskDefinitionChanged() || s.kind() == ServiceStep.Kind.CREATE)) {
                registered.put(s.service(), taskDefinitions.register(s.desired().taskDefinition(),
                        revisionTags(environmentTags, s.desired(), previous(s), options)));
            }
        }
        return registered;
    }

    /** As {@link #apply(String, String, Map, List, DeployOptions)}, with revisions already registered by {@link #registerAhead}. */
    public DeployReport apply(String environment, String cluster, Map<String, String> environmentTags,
            List<ServiceStep> steps, DeployOptions options, Map<String, String> registered) {
        refuseWhileDeploying(steps, options.force());
        SpotFallbackMoves spot = new SpotFallbackMoves(services, waiter, clock, progress);
        List<ServiceResult> results = new ArrayList<>();
        if (options.dryRun()) {
            for (ServiceStep s : steps) {
                progress.line("dry run: " + s.describe());
                results.add(unchangedOrPinned(s, s.changes() || s.kind() == ServiceStep.Kind.RECORD
                        || s.kind() == ServiceStep.Kind.RETAG ? Outcome.WOULD_CHANGE : null));
            }
            return new DeployReport(environment, cluster, true, results);
        }
        Instant started = clock.instant();
        ChangeJournal journal = new ChangeJournal();
        Map<String, String> attempted = new LinkedHashMap<>();
        for (ServiceStep s : steps) {
            try {
                if (s.changes()) {
                    progress.line(s.describe());
                    attempted.put(s.service(), start(s, cluster, environmentTags, options, registered.get(s.service()), journal));
                } else if (s.kind() == ServiceStep.Kind.RECORD) {
                    progress.line(s.describe());
                    services.tag(s.live().arn(), Map.of(ServiceTags.SCHEDULE, s.note()));
                    journal.note(s.service(), "recorded the schedule tag");
                } else if (s.kind() == ServiceStep.Kind.ADOPT) {
                    progress.line(s.describe());
                    services.tag(s.live().arn(), serviceTags(s.desired(), s.live().taskDefinitionArn(), null, options));
                    journal.note(s.service(), "adopted: added driftless's tags");
                } else if (s.kind() == ServiceStep.Kind.RETAG) {
                    progress.line(s.describe());
                    String runs = s.live().taskDefinitionArn();
                    // the running revision's own tag (written inside RegisterTaskDefinition) says what ran before it
                    String before = taskDefinitions.details(runs).tags().get(DeployTags.PREVIOUS);
                    services.tag(s.live().arn(), serviceTags(s.desired(), runs, before, options));
                    journal.note(s.service(), "repaired its deployment tags to name " + shortArn(runs));
                }
            } catch (DriftlessException e) {
                return new StoppedRun(services, waiter, progress, clock).report(environment, cluster, steps, journal,
                        e, s.service(), options, started);
            }
        }
        List<RolloutTarget> targets = steps.stream().filter(ServiceStep::startsDeployment)
                .map(s -> RolloutTarget.after(s.service(), attempted.get(s.service()), s.live())).toList();
        Map<String, RolloutOutcome> outcomes;
        try {
            outcomes = await(cluster, targets, steps, started, options, spot);
        } catch (DriftlessException e) {
            return new StoppedRun(services, waiter, progress, clock).report(environment, cluster, steps, journal, e,
                    null, options, started);
        }

        List<ServiceStep> failed = new ArrayList<>();
        for (ServiceStep s : steps) {
            RolloutOutcome o = outcomes.get(s.service());
            if (!s.changes()) {
                results.add(unchangedOrPinned(s, null).withChanges(journal.lines(s.service())));
            } else if (o == null || o.succeeded()) {
                String arn = attempted.get(s.service());
                Outcome outcome = s.kind() == ServiceStep.Kind.CREATE ? Outcome.CREATED : Outcome.DEPLOYED;
                List<String> reasons = new ArrayList<>();
                if (s.kind() == ServiceStep.Kind.UPDATE) {
                    try {
                        services.tag(s.live().arn(), serviceTags(spot.asRuns(s.desired()), arn, s.live().taskDefinitionArn(), options));
                        journal.note(s.service(), "wrote its deployment tags");
                    } catch (DriftlessException e) {
                        // the rollout succeeded: undoing a healthy service for its metadata would be worse
                        outcome = Outcome.DEPLOYED_TAGS_FAILED;
                        reasons.add("runs " + shortArn(arn) + " and is stable, but its deployment tags were not written: "
                                + e.getMessage());
                        reasons.add("fix: " + (e.hint() == null ? "rerun the deploy" : e.hint())
                                + "; the next deploy repairs the tags");
                        journal.note(s.service(), "deployment tags NOT written");
                    }
                }
                try {
                    prune(s.taskDefinitionChanged() ? arn : null, previous(s), options.retain());
                } catch (DriftlessException e) {
                    progress.warning(s.service() + ": old revisions were not pruned: " + e.getMessage());
                }
                results.add(new ServiceResult(s.service(), outcome, arn, arn, previous(s), s.desired().taskDefinition().image(),
                        o == null ? Duration.between(started, clock.instant()) : o.elapsed(), reasons,
                        journal.lines(s.service())));
            } else {
                failed.add(s);
            }
        }
        results.addAll(failures(cluster, failed, outcomes, attempted, options, journal));
        Map<String, RolloutOutcome> ended = outcomes;
        results.replaceAll(r -> spot.moved(r.service()) ? r.withDeployment("moved to on-demand: Fargate Spot had no capacity")
                : withDeployment(r, steps, ended));
        // keep the spec's service order
        List<String> order = steps.stream().map(ServiceStep::service).toList();
        results.sort((a, b) -> Integer.compare(order.indexOf(a.service()), order.indexOf(b.service())));
        return new DeployReport(environment, cluster, false, results);
    }

    /** Rolling services through the rollout waiter, traffic-shifting ones through their ECS service deployments. */
    private Map<String, RolloutOutcome> await(String cluster, List<RolloutTarget> targets, List<ServiceStep> steps,
            Instant since, DeployOptions options, SpotFallbackMoves spot) {
        List<String> shifting = steps.stream().filter(s -> serviceDeployments != null && s.desired().settings().deployment() != null
                && s.desired().settings().deployment().shiftsTraffic()).map(ServiceStep::service).toList();
        List<RolloutOutcome> all = new ArrayList<>(waiter.await(cluster,
                targets.stream().filter(t -> !shifting.contains(t.service())).toList(), options.timeout()));
        all.replaceAll(o -> o.result() != RolloutOutcome.Result.SPOT_UNAVAILABLE ? o : spot.move(cluster, o,
                steps.stream().filter(x -> x.service().equals(o.service())).findFirst().orElseThrow().desired(), since,
                options.timeout()));
        List<RolloutTarget> followed = targets.stream().filter(t -> shifting.contains(t.service())).toList();
        if (!followed.isEmpty()) {
            all.addAll(serviceDeployments.await(cluster, followed, since, options.timeout(), options.rollbackOnFailure()));
        }
        return all.stream().collect(Collectors.toMap(RolloutOutcome::service, o -> o));
    }

    /** A traffic-shifting service's result names its strategy and where its service deployment ended. */
    private static ServiceResult withDeployment(ServiceResult r, List<ServiceStep> steps, Map<String, RolloutOutcome> outcomes) {
        RolloutOutcome o = outcomes.get(r.service());
        return o == null || o.stage() == null ? r : steps.stream().filter(s -> s.service().equals(r.service())).findFirst()
                .map(s -> r.withDeployment(dev.driftless.plan.DeploymentStrategy.words(s.desired().settings().deployment())
                        .split(";")[0] + " — " + o.stage()))
                .orElse(r);
    }

    private static void refuseWhileDeploying(List<ServiceStep> steps, boolean force) {
        if (force) {
            return;
        }
        List<String> busy = steps.stream().filter(s -> s.changes() && s.live() != null && s.live().deploying())
                .map(s -> s.service() + " (" + s.live().deployments().stream()
                        .map(d -> d.id() + " " + d.status() + " " + shortArn(d.taskDefinitionArn())
                                + (d.rolloutState() == null ? "" : " " + d.rolloutState()))
                        .collect(Collectors.joining(", ")) + ")")
                .toList();
        if (!busy.isEmpty()) {
            throw new DriftlessException("another deployment is in progress: " + String.join("; ", busy)
                    + " — nothing was changed", "wait for it to finish, or pass --force to deploy over it");
        }
    }

    /** Registers (when changed) and creates or updates; returns the revision the service is set to. */
    private String start(ServiceStep s, String cluster, Map<String, String> environmentTags, DeployOptions options,
            String registeredAhead, ChangeJournal journal) {
        DesiredService d = s.desired();
        String arn;
        if (registeredAhead != null) {
            arn = registeredAhead;
            journal.registered(s.service(), arn);
        } else if (s.taskDefinitionChanged()) {
            arn = taskDefinitions.register(d.taskDefinition(), revisionTags(environmentTags, d, previous(s), options));
            journal.registered(s.service(), arn);
        } else {
            arn = s.live().taskDefinitionArn();
        }
        if (s.kind() == ServiceStep.Kind.CREATE) {
            services.create(d, arn, serviceTags(d, arn, null, options));
            journal.created(s.service(), arn);
        } else {
            ServiceWriter.Update update = new ServiceWriter.Update(cluster, d.name(), s.taskDefinitionChanged() ? arn : null,
                    s.settingsChanged() ? d.settings() : null,
                    s.desiredCountChanged() ? Integer.valueOf(s.desiredCount()) : null);
            services.update(update);
            journal.updated(s.service(), arn, s.taskDefinitionChanged());
            if (s.settingsChanged() && SpotFallback.since(s.live()).isPresent()
                    && SpotFallback.usesSpot(d.settings().capacityProviderStrategy())) {
                services.untag(s.live().arn(), List.of(ServiceTags.CAPACITY_FALLBACK));
                journal.note(s.service(), "returned to Fargate Spot after its on-demand fallback");
            }
        }
        if (s.autoscalingChanged()) {
            autoscale(cluster, s);
        }
        return arn;
    }

    /** Scalable target min/max and target tracking on CPU and memory, as the spec says. */
    private void autoscale(String cluster, ServiceStep s) {
        Autoscaling a = s.desired().autoscaling();
        if (a == null) {
            boolean ours = s.live() != null && s.live().tag(ServiceTags.AUTOSCALING)
                    .flatMap(ServiceTags::parseAutoscaling).isPresent();
            if (ours) {
                scaling.deregister(cluster, s.service());
                progress.line(s.service() + ": the spec no longer autoscales it; removed its scalable target and policies");
            } else {
                // a target driftless did not create belongs to whoever made it
                progress.warning(s.service() + ": has a scalable target driftless did not create; left in place"
                        + " (remove it by hand, or add `autoscaling` to the spec to manage it)");
            }
            return;
        }
        if (s.live() != null && s.live().tag(ServiceTags.SCHEDULE_SAVED_MIN).isPresent()) {
            progress.warning(s.service() + ": stopped by its schedule; autoscaling " + ServiceTags.autoscaling(a)
                    + " applies at the next start's deploy");
            return;
        }
        scaling.register(cluster, s.service(), a.min(), a.max());
        Autoscaling before = s.live() == null ? null
                : s.live().tag(ServiceTags.AUTOSCALING).flatMap(ServiceTags::parseAutoscaling).orElse(null);
        targetTracking(cluster, s.service(), "cpu", ScalableTargets.TargetTrackingPolicy.CPU, a.cpuPercent(),
                before != null && before.cpuPercent() != null);
        targetTracking(cluster, s.service(), "memory", ScalableTargets.TargetTrackingPolicy.MEMORY, a.memoryPercent(),
                before != null && before.memoryPercent() != null);
    }

    /** Puts the policy for a metric the spec targets; deletes driftless's policy for one it no longer does. */
    private void targetTracking(String cluster, String service, String metricName, String metric, Integer percent,
            boolean appliedBefore) {
        String name = "driftless-" + service + "-" + metricName;
        if (percent != null) {
            scaling.putTargetTracking(cluster, service, new ScalableTargets.TargetTrackingPolicy(name, metric, percent));
        } else if (appliedBefore) {
            scaling.deletePolicy(cluster, service, name);
            progress.line(service + ": the spec no longer scales on " + metricName + "; deleted policy " + name);
        }
    }

    private List<ServiceResult> failures(String cluster, List<ServiceStep> failed, Map<String, RolloutOutcome> outcomes,
            Map<String, String> attempted, DeployOptions options, ChangeJournal journal) {
        List<ServiceResult> results = new ArrayList<>();
        List<ServiceStep> revert = new ArrayList<>();
        for (ServiceStep s : failed) {
            RolloutOutcome o = outcomes.get(s.service());
            // one line here; the result's annotation carries the reasons
            progress.line(s.service() + ": " + o.result().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + (options.rollbackOnFailure() && previous(s) != null ? " — rolling back" : ""));
            String previous = previous(s);
            if (o.result() == RolloutOutcome.Result.ROLLED_BACK && previous != null) {
                // ECS already moved traffic back to the previous revision: a second rollback would start a new deployment
                List<String> reasons = new ArrayList<>(o.reasons());
                reasons.add("ECS rolled back to " + shortArn(previous));
                results.add(new ServiceResult(s.service(), Outcome.FAILED_ROLLED_BACK, previous, attempted.get(s.service()),
                        previous, s.desired().taskDefinition().image(), o.elapsed(), reasons));
            } else if (!options.rollbackOnFailure() || previous == null) {
                List<String> reasons = new ArrayList<>(o.reasons());
                if (o.result() == RolloutOutcome.Result.TIMED_OUT) {
                    reasons.add(TIMEOUT_FIX);
                }
                if (previous == null) {
                    reasons.add("new service: there is no previous task definition to roll back to");
                }
                results.add(new ServiceResult(s.service(), Outcome.FAILED, o.live(), attempted.get(s.service()),
                        previous, s.desired().taskDefinition().image(), o.elapsed(), reasons, journal.lines(s.service())));
            } else {
                revert.add(s);
            }
        }
        if (revert.isEmpty()) {
            return results;
        }
        List<RolloutTarget> targets = new ArrayList<>();
        Map<String, String> notReverted = new LinkedHashMap<>();
        for (ServiceStep s : revert) {
            progress.line(s.service() + ": rolling back to " + shortArn(previous(s)));
            try {
                // the circuit breaker may already have put it back; setting it again is harmless and explicit
                services.update(new ServiceWriter.Update(cluster, s.service(), previous(s), null, null));
                journal.note(s.service(), "rolled back to " + shortArn(previous(s)));
                targets.add(new RolloutTarget(s.service(), previous(s)));
            } catch (DriftlessException e) {
                notReverted.put(s.service(), "rollback to " + shortArn(previous(s)) + " failed: " + e.getMessage());
            }
        }
        Map<String, RolloutOutcome> back = new LinkedHashMap<>();
        try {
            waiter.await(cluster, targets, options.timeout()).forEach(o -> back.put(o.service(), o));
        } catch (DriftlessException e) {
            targets.forEach(t -> notReverted.put(t.service(), "rollback to " + shortArn(t.taskDefinitionArn())
                    + " was sent, but could not be watched: " + e.getMessage()));
        }
        for (ServiceStep s : revert) {
            RolloutOutcome first = outcomes.get(s.service());
            RolloutOutcome second = back.get(s.service());
            List<String> reasons = new ArrayList<>(first.reasons());
            if (first.result() == RolloutOutcome.Result.TIMED_OUT) {
                reasons.add(TIMEOUT_FIX);
            }
            boolean stable = second != null && second.succeeded();
            reasons.add(stable ? "rolled back to " + shortArn(previous(s)) + " (stable)"
                    : notReverted.containsKey(s.service()) ? notReverted.get(s.service())
                    : "rollback to " + shortArn(previous(s)) + " did not become stable: " + String.join("; ", second.reasons()));
            results.add(new ServiceResult(s.service(), stable ? Outcome.FAILED_ROLLED_BACK
                    : Outcome.FAILED_ROLLBACK_FAILED, stable ? previous(s) : second == null ? first.live() : second.live(),
                    attempted.get(s.service()), previous(s), s.desired().taskDefinition().image(),
                    second == null ? first.elapsed() : first.elapsed().plus(second.elapsed()), reasons,
                    journal.lines(s.service())));
        }
        return results;
    }

    /**
     * Deregisters the revision that this deploy pushed out of the newest {@code retain}: revision numbers
     * rise by one per registration, so the new revision's number alone says which one that is, without
     * listing the family. Never the live one or the rollback target. A revision already gone (numbers
     * registered elsewhere, deregistered by hand) or a refused call is worth a warning, not a failed deploy.
     */
    private void prune(String live, String previous, int retain) {
        if (live == null) {
            return;
        }
        TaskDefinitionStore.Revision now = TaskDefinitionStore.Revision.of(live);
        int old = now.revision() - retain;
        if (old < 1) {
            // revision numbers start at 1, so there cannot be more than `retain` of them yet
            return;
        }
        String arn = live.substring(0, live.lastIndexOf(':') + 1) + old;
        if (arn.equals(previous)) {
            return;
        }
        try {
            taskDefinitions.deregister(arn);
            progress.line("deregistered " + now.family() + ":" + old + " (keeping the newest " + retain + ")");
        } catch (DriftlessException e) {
            progress.warning("could not deregister " + now.family() + ":" + old + " (the deploy itself succeeded): "
                    + e.getMessage());
        }
    }

    static ServiceResult unchangedOrPinned(ServiceStep s, Outcome forced) {
        Outcome outcome = forced != null ? forced : s.kind() == ServiceStep.Kind.PINNED ? Outcome.PINNED : Outcome.UNCHANGED;
        String live = s.live() == null ? null : s.live().taskDefinitionArn();
        List<String> notes = s.note() == null ? List.of()
                : s.kind() == ServiceStep.Kind.RETAG ? List.of((forced == null ? "repaired its deployment tags: " : "would repair its deployment tags: ") + s.note())
                : List.of(s.kind() != ServiceStep.Kind.RECORD ? s.note()
                        : forced == null ? "runs on the schedule " + s.note() + " from now on"
                        : "would record the schedule " + s.note());
        return new ServiceResult(s.service(), outcome, live, null, live, s.desired().taskDefinition().image(),
                Duration.ZERO, notes);
    }

    static String previous(ServiceStep s) {
        return s.liveService().map(LiveService::taskDefinitionArn).orElse(null);
    }

    static Map<String, String> revisionTags(Map<String, String> environmentTags, DesiredService d, String previous,
            DeployOptions options) {
        Map<String, String> tags = new LinkedHashMap<>(environmentTags);
        tags.putAll(d.tags());
        tags.put(ServiceTags.SPEC_HASH, d.specHash());
        tags.put(ServiceTags.IMAGE, d.taskDefinition().image());
        if (options.gitSha() != null) {
            tags.put(ServiceTags.GIT_SHA, options.gitSha());
        }
        if (previous != null) {
            tags.put(DeployTags.PREVIOUS, previous);
        }
        return tags;
    }

    /** The service's tags after a successful deploy; a rollback pin is cleared by writing it empty. */
    static Map<String, String> serviceTags(DesiredService d, String arn, String previous, DeployOptions options) {
        Map<String, String> tags = new LinkedHashMap<>(d.tags());
        tags.put(ServiceTags.SPEC_HASH, d.specHash());
        tags.put(ServiceTags.TASK_DEFINITION, arn);
        tags.put(ServiceTags.SETTINGS_HASH, SpecHash.of(d.settings()));
        tags.put(ServiceTags.DESIRED_COUNT, String.valueOf(d.settings().desiredCount()));
        tags.put(ServiceTags.AUTOSCALING, ServiceTags.autoscaling(d.autoscaling()));
        tags.put(ServiceTags.SCHEDULE, dev.driftless.plan.ScheduleText.tag(d.schedule()));
        tags.put(ServiceTags.IMAGE, d.taskDefinition().image());
        List<String> carried = d.taskDefinition().carried().names();
        if (!carried.isEmpty()) {
            // "/" not ",": an ECS tag value holds only letters, digits, spaces and + - = . _ : / @
            String names = String.join("/", carried);
            tags.put(ServiceTags.CARRIED, names.length() > 256 ? names.substring(0, 256) : names);
        }
        if (options.gitSha() != null) {
            tags.put(ServiceTags.GIT_SHA, options.gitSha());
        }
        if (previous != null) {
            tags.put(DeployTags.PREVIOUS, previous);
            tags.put(DeployTags.ROLLED_BACK_FROM, "");
            tags.put(DeployTags.ROLLED_BACK_TO, "");
        }
        return tags;
    }

    static String shortArn(String arn) {
        return arn == null ? "none" : arn.substring(arn.lastIndexOf('/') + 1);
    }
}
