package dev.driftless.engine;

import dev.driftless.DriftlessException;
import dev.driftless.spec.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Waits for services deployed with a blue/green, canary or linear strategy by following their ECS
 * service deployments (ListServiceDeployments, then DescribeServiceDeployments each round): prints the
 * lifecycle stage, the traffic split and the time left in the bake; SUCCESSFUL is success, a rollback
 * or a stop is a failure with ECS's reason. The environment's timeout covers the whole shift and bake:
 * when it runs out, the deployment is stopped with ROLLBACK (unless rollback is off) and the rollback is
 * waited for, for at most the timeout again.
 */
public final class ServiceDeploymentWaiter {
    private final ServiceDeployments deployments;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Progress progress;
    private final Duration interval;

    public ServiceDeploymentWaiter(ServiceDeployments deployments, Clock clock, Sleeper sleeper, Progress progress,
            Duration interval) {
        this.deployments = deployments;
        this.clock = clock;
        this.sleeper = sleeper;
        this.progress = progress;
        this.interval = interval;
    }

    /**
     * Outcomes in the order of the targets.
     *
     * @param since when the updates were made: the deployment to follow is the newest created since then
     * @param rollbackOnTimeout stop a deployment that outlives the timeout with ROLLBACK (false: --no-rollback)
     */
    public List<RolloutOutcome> await(String cluster, List<RolloutTarget> targets, Instant since, Duration timeout,
            boolean rollbackOnTimeout) {
        Instant started = clock.instant();
        Map<String, ServiceDeploymentWatch> watches = new LinkedHashMap<>();
        targets.forEach(t -> watches.put(t.service(), new ServiceDeploymentWatch(t, started, null)));
        Map<String, RolloutOutcome> done = follow(cluster, watches, since, started.plus(timeout), timeout, rollbackOnTimeout);
        return targets.stream().map(t -> done.get(t.service())).toList();
    }

    /**
     * Stops a running deployment with ROLLBACK and waits until ECS has put the previous revision back.
     *
     * @param why what to say about the stop ("rollback requested")
     */
    public RolloutOutcome rollBack(String cluster, RolloutTarget target, String deploymentArn, String why, Duration timeout) {
        Instant started = clock.instant();
        ServiceDeploymentWatch watch = new ServiceDeploymentWatch(target, started, deploymentArn);
        progress.warning(target.service() + ": " + why + " — stopping service deployment " + shortArn(deploymentArn)
                + " with ROLLBACK (traffic returns to the previous revision)");
        deployments.rollback(deploymentArn);
        // the stage it was stopped in is the one ECS still reports right after the stop request
        RolloutWatch.Report first = watch.observe(deployments.describe(deploymentArn), clock.instant());
        watch.stoppedBy(why);
        progress.line(first.title());
        if (first.outcome().isPresent()) {
            return first.outcome().get();
        }
        Map<String, ServiceDeploymentWatch> watches = new LinkedHashMap<>();
        watches.put(target.service(), watch);
        return follow(cluster, watches, started, started.plus(timeout), timeout, false).get(target.service());
    }

    /** Waits for deployments already started (a rollback's redeploy), without stopping them on a timeout. */
    public List<RolloutOutcome> awaitStarted(String cluster, List<RolloutTarget> targets, Instant since, Duration timeout) {
        return await(cluster, targets, since, timeout, false);
    }

    private Map<String, RolloutOutcome> follow(String cluster, Map<String, ServiceDeploymentWatch> waiting, Instant since,
            Instant deadline, Duration timeout, boolean rollbackOnTimeout) {
        Map<String, RolloutOutcome> done = new LinkedHashMap<>();
        Map<String, ServiceDeploymentWatch> watching = new LinkedHashMap<>(waiting);
        Instant until = deadline;
        boolean graceGiven = false;
        while (!watching.isEmpty()) {
            for (ServiceDeploymentWatch w : List.copyOf(watching.values())) {
                Instant now = clock.instant();
                if (w.arn().isEmpty()) {
                    deployments.newest(cluster, w.service(), since).ifPresent(w::found);
                }
                RolloutWatch.Report r = w.arn().isEmpty() ? w.notYet(now) : w.observe(deployments.describe(w.arn().get()), now);
                progress.line(r.title());
                r.outcome().ifPresent(o -> {
                    done.put(w.service(), o);
                    watching.remove(w.service());
                    if (!o.succeeded()) {
                        progress.warning(w.service() + ": " + String.join("; ", o.reasons()));
                    }
                });
            }
            if (watching.isEmpty()) {
                break;
            }
            Instant now = clock.instant();
            if (!now.isBefore(until)) {
                if (rollbackOnTimeout && !graceGiven) {
                    // the stop is ours: give ECS the timeout again to move traffic back and drain green
                    graceGiven = true;
                    until = now.plus(timeout);
                    for (ServiceDeploymentWatch w : List.copyOf(watching.values())) {
                        if (w.arn().isPresent()) {
                            stop(w, "not finished after " + Durations.format(timeout) + " (the environment's timeout)");
                        } else {
                            done.put(w.service(), w.timedOut(now, timeout));
                            watching.remove(w.service());
                        }
                    }
                    continue;
                }
                for (ServiceDeploymentWatch w : watching.values()) {
                    RolloutOutcome o = w.timedOut(now, timeout);
                    progress.warning(o.service() + ": " + o.reasons().get(o.reasons().size() - 1));
                    done.put(w.service(), o);
                }
                break;
            }
            Duration left = Duration.between(now, until);
            sleep(left.compareTo(interval) < 0 ? left : interval);
        }
        return done;
    }

    private void stop(ServiceDeploymentWatch w, String why) {
        String arn = w.arn().orElseThrow();
        w.stoppedBy(why);
        progress.warning(w.service() + ": " + why + " — stopping service deployment " + shortArn(arn)
                + " with ROLLBACK (traffic returns to the previous revision)");
        deployments.rollback(arn);
    }

    private static String shortArn(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    private void sleep(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriftlessException("interrupted while waiting for service deployments", null, e);
        }
    }

    /** The deployment a service is still running (pending, shifting or baking), if any. */
    public Optional<String> unfinished(String cluster, String service) {
        return deployments.unfinished(cluster, service);
    }
}
