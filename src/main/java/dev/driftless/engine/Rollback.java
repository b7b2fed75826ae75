package dev.driftless.engine;

import dev.driftless.DriftlessException;
import dev.driftless.engine.ServiceResult.Outcome;
import dev.driftless.engine.TaskDefinitionStore.Revision;
import dev.driftless.engine.TaskDefinitionStore.RevisionDetails;
import dev.driftless.plan.LiveEnvironment;
import dev.driftless.plan.LiveService;
import dev.driftless.plan.ServiceTags;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Rolls services back to a named revision from their task-definition history: finds the target for every
 * service first (a missing one is an error listing the candidates, and nothing changes), then updates,
 * waits, and pins each rolled-back service so a later deploy of the same spec and image leaves it alone.
 */
public final class Rollback {
    private final LiveStateReader reader;
    private final TaskDefinitionStore taskDefinitions;
    private final ServiceWriter services;
    private final RolloutWaiter waiter;
    private final ServiceDeploymentWaiter serviceDeployments;
    private final Progress progress;
    private final Clock clock;

    public Rollback(LiveStateReader reader, TaskDefinitionStore taskDefinitions, ServiceWriter services,
            RolloutWaiter waiter, Progress progress, Clock clock) {
        this(reader, taskDefinitions, services, waiter, null, progress, clock);
    }

    /** @param serviceDeployments stops a deployment still in progress or baking instead of starting another; null: never */
    public Rollback(LiveStateReader reader, TaskDefinitionStore taskDefinitions, ServiceWriter services,
            RolloutWaiter waiter, ServiceDeploymentWaiter serviceDeployments, Progress progress, Clock clock) {
        this.serviceDeployments = serviceDeployments;
        this.reader = reader;
        this.taskDefinitions = taskDefinitions;
        this.services = services;
        this.waiter = waiter;
        this.progress = progress;
        this.clock = clock;
    }

    /** A service and the revision it goes back to. */
    record Move(LiveService live, RevisionDetails target, String rolledBackFrom) {
    }

    public DeployReport run(String environment, String cluster, List<String> names, RollbackTarget to, boolean dryRun,
            Duration timeout) {
        return run(environment, cluster, names, to, dryRun, timeout, () -> () -> { });
    }

    /**
     * @param beforeChanges called once every target is found and something will change, before the first
     *                      write (takes the environment's lease); what it returns is closed at the end
     */
    public DeployReport run(String environment, String cluster, List<String> names, RollbackTarget to, boolean dryRun,
            Duration timeout, java.util.function.Supplier<? extends AutoCloseable> beforeChanges) {
        LiveEnvironment live = reader.services(cluster, names);
        if (!live.missing().isEmpty()) {
            throw new DriftlessException("cannot roll back " + String.join(", ", live.missing()) + ": no such service in cluster "
                    + cluster + (live.clusterExists() ? "" : " (the cluster does not exist)") + " — nothing was changed",
                    "deploy the service first, or check --env and --service");
        }
        List<Move> moves = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            LiveService l = live.service(name).orElseThrow();
            try {
                moves.add(find(l, to));
            } catch (DriftlessException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new DriftlessException(String.join("\n", problems) + "\nnothing was changed",
                    "pick one of the candidates listed, e.g. --to revision:N");
        }
        List<ServiceResult> results = new ArrayList<>();
        Map<String, Move> changing = new LinkedHashMap<>();
        for (Move m : moves) {
            String name = m.live().name();
            if (m.target().revision().arn().equals(m.live().taskDefinitionArn())) {
                progress.line(name + ": already runs " + m.target().revision().shortName() + "; nothing to do");
                results.add(result(m, Outcome.UNCHANGED, m.live().taskDefinitionArn(), Duration.ZERO,
                        List.of("already runs " + m.target().revision().shortName())));
            } else if (dryRun) {
                progress.line("dry run: " + name + ": would roll back " + shortName(m.live().taskDefinitionArn()) + " → "
                        + m.target().revision().shortName());
                results.add(result(m, Outcome.WOULD_CHANGE, m.live().taskDefinitionArn(), Duration.ZERO, List.of()));
            } else {
                changing.put(name, m);
            }
        }
        if (!changing.isEmpty()) {
            // stopping an unfinished service deployment is a write too: it happens under the lease
            try (AutoCloseable held = beforeChanges.get()) {
                if (to instanceof RollbackTarget.Previous) {
                    results.addAll(stopUnfinished(cluster, changing, timeout));
                }
                java.time.Instant since = clock.instant();
                if (!changing.isEmpty()) {
                    change(cluster, changing, since, timeout, results);
                }
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        List<String> order = names;
        results.sort((a, b) -> Integer.compare(order.indexOf(a.service()), order.indexOf(b.service())));
        return new DeployReport(environment, cluster, dryRun, results);
    }

    /** A redeploy of a service on a blue/green, canary or linear strategy goes through that strategy: follow it. */
    private List<RolloutOutcome> await(String cluster, List<RolloutTarget> targets, Map<String, Move> moves,
            java.time.Instant since, Duration timeout) {
        List<RolloutTarget> shifting = targets.stream().filter(t -> serviceDeployments != null
                && moves.get(t.service()).live().settings().deployment() != null
                && moves.get(t.service()).live().settings().deployment().shiftsTraffic()).toList();
        List<RolloutOutcome> out = new ArrayList<>(waiter.await(cluster,
                targets.stream().filter(t -> !shifting.contains(t)).toList(), timeout));
        if (!shifting.isEmpty()) {
            out.addAll(serviceDeployments.awaitStarted(cluster, shifting, since, timeout));
        }
        return out;
    }

    /**
     * Services whose ECS service deployment is still in progress or baking go back by StopServiceDeployment
     * (ROLLBACK): traffic returns to the source revision at once and no new deployment starts. They are
     * taken out of {@code changing}; the others roll back as usual.
     */
    private List<ServiceResult> stopUnfinished(String cluster, Map<String, Move> changing, Duration timeout) {
        List<ServiceResult> results = new ArrayList<>();
        if (serviceDeployments == null) {
            return results;
        }
        for (Move m : List.copyOf(changing.values())) {
            String name = m.live().name();
            // ECS shows an unfinished service deployment as a rollout in progress: ask only then
            Optional<String> running = m.live().deploying() ? serviceDeployments.unfinished(cluster, name) : Optional.empty();
            if (running.isEmpty()) {
                continue;
            }
            changing.remove(name);
            progress.line(name + ": service deployment " + shortName(running.get()) + " is still in progress; stopping it"
                    + " with ROLLBACK instead of starting a new deployment");
            RolloutOutcome o = serviceDeployments.rollBack(cluster, new RolloutTarget(name, m.target().revision().arn()),
                    running.get(), "rollback requested", timeout);
            String now = reader.services(cluster, List.of(name)).service(name).map(LiveService::taskDefinitionArn)
                    .orElse(null);
            boolean back = o.result() == RolloutOutcome.Result.ROLLED_BACK;
            results.add(new ServiceResult(name, back ? Outcome.ROLLED_BACK : Outcome.FAILED, now, now,
                    m.live().taskDefinitionArn(), m.target().image(), o.elapsed(), o.reasons())
                    .withDeployment(dev.driftless.plan.DeploymentStrategy.words(m.live().settings().deployment())
                            .split(";")[0] + " — " + o.stage()));
        }
        return results;
    }

    private void change(String cluster, Map<String, Move> changing, java.time.Instant since, Duration timeout,
            List<ServiceResult> results) {
        for (Move m : changing.values()) {
            progress.line(m.live().name() + ": rolling back " + shortName(m.live().taskDefinitionArn()) + " → "
                    + m.target().revision().shortName());
            services.update(new ServiceWriter.Update(cluster, m.live().name(), m.target().revision().arn(), null, null));
        }
        List<RolloutTarget> targets = changing.values().stream()
                .map(m -> new RolloutTarget(m.live().name(), m.target().revision().arn())).toList();
        for (RolloutOutcome o : await(cluster, targets, changing, since, timeout)) {
            Move m = changing.get(o.service());
            if (o.succeeded()) {
                services.tag(m.live().arn(), pin(m));
                results.add(result(m, Outcome.ROLLED_BACK, m.target().revision().arn(), o.elapsed(), List.of()));
            } else {
                results.add(result(m, Outcome.FAILED, o.live(), o.elapsed(), o.reasons()));
            }
        }
    }

    private Move find(LiveService l, RollbackTarget to) {
        Revision current = Revision.of(l.taskDefinitionArn());
        List<Revision> history = taskDefinitions.revisions(current.family());
        String from = l.tag(ServiceTags.SPEC_HASH).filter(h -> !h.isBlank()).orElse(null);
        if (to instanceof RollbackTarget.Previous) {
            Optional<Revision> older = before(l, current, history);
            if (older.isPresent()) {
                return new Move(l, taskDefinitions.details(older.get().arn()), fromHash(from, current));
            }
            throw new DriftlessException(l.name() + ": no revision before " + current.shortName()
                    + " is registered; candidates: " + candidates(history, List.of()));
        }
        List<RevisionDetails> read = new ArrayList<>();
        for (Revision r : history) {
            if (to instanceof RollbackTarget.RevisionNumber n && r.revision() != n.revision()) {
                continue;
            }
            RevisionDetails d = taskDefinitions.details(r.arn());
            read.add(d);
            if (to.matches(d)) {
                return new Move(l, d, fromHash(from, current));
            }
        }
        throw new DriftlessException(l.name() + ": no ACTIVE revision of " + current.family() + " matches " + to
                + "; candidates: " + candidates(history, read));
    }

    /**
     * What ran before the running revision, from facts that cannot go stale: the running revision's own
     * tag (written inside RegisterTaskDefinition, so it exists exactly when the revision does), else an
     * older deployment the service still lists, else the next older ACTIVE revision. Never the service's
     * tags alone: a run stopped between UpdateService and TagResource leaves those naming the revision
     * before.
     */
    private Optional<Revision> before(LiveService l, Revision current, List<Revision> history) {
        Optional<Revision> tagged = Optional.ofNullable(taskDefinitions.details(current.arn()).tags().get(DeployTags.PREVIOUS))
                .filter(p -> !p.isBlank() && !p.equals(current.arn()))
                .flatMap(p -> history.stream().filter(r -> r.arn().equals(p)).findFirst());
        if (tagged.isPresent()) {
            return tagged;
        }
        Optional<Revision> draining = l.deployments().stream().filter(d -> !d.isPrimary())
                .map(LiveService.LiveDeployment::taskDefinitionArn)
                .filter(a -> a != null && !a.equals(current.arn()))
                .flatMap(a -> history.stream().filter(r -> r.arn().equals(a))).findFirst();
        if (draining.isPresent()) {
            return draining;
        }
        return history.stream().filter(r -> r.revision() < current.revision()).findFirst();
    }

    /** The spec hash rolled back from: the service's tag, else the running revision's own tag. */
    private String fromHash(String tagged, Revision current) {
        if (tagged != null) {
            return tagged;
        }
        return taskDefinitions.details(current.arn()).tags().getOrDefault(ServiceTags.SPEC_HASH, current.shortName());
    }

    private String candidates(List<Revision> history, List<RevisionDetails> alreadyRead) {
        if (history.isEmpty()) {
            return "none (the family has no ACTIVE revisions)";
        }
        Map<String, RevisionDetails> known = alreadyRead.stream()
                .collect(Collectors.toMap(d -> d.revision().arn(), d -> d, (a, b) -> a));
        return history.stream().limit(10)
                .map(r -> RollbackTarget.describe(known.containsKey(r.arn()) ? known.get(r.arn()) : taskDefinitions.details(r.arn())))
                .collect(Collectors.joining(", "));
    }

    private Map<String, String> pin(Move m) {
        Map<String, String> tags = new LinkedHashMap<>();
        RevisionDetails t = m.target();
        tags.put(ServiceTags.TASK_DEFINITION, t.revision().arn());
        tags.put(ServiceTags.SPEC_HASH, t.tags().getOrDefault(ServiceTags.SPEC_HASH, ""));
        tags.put(ServiceTags.IMAGE, t.image() == null ? "" : t.image());
        tags.put(ServiceTags.GIT_SHA, t.tags().getOrDefault(ServiceTags.GIT_SHA, ""));
        tags.put(DeployTags.PREVIOUS, m.live().taskDefinitionArn());
        tags.put(DeployTags.ROLLED_BACK_FROM, m.rolledBackFrom());
        tags.put(DeployTags.ROLLED_BACK_TO, t.revision().shortName() + " at " + clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        return tags;
    }

    private static ServiceResult result(Move m, Outcome outcome, String now, Duration took, List<String> reasons) {
        return new ServiceResult(m.live().name(), outcome, now, m.target().revision().arn(), m.live().taskDefinitionArn(),
                m.target().image(), took, reasons);
    }

    private static String shortName(String arn) {
        return arn == null ? "none" : arn.substring(arn.lastIndexOf('/') + 1);
    }
}
