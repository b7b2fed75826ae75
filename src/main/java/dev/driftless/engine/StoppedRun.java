package dev.driftless.engine;

import dev.driftless.DriftlessException;
import dev.driftless.engine.ServiceResult.Outcome;
import dev.driftless.plan.LiveService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The end of a deploy that stopped part-way (an AWS error after retries, an answer that never came, an
 * interruption): rolls back what this run had already updated (unless --no-rollback), waits for that
 * rollback, re-reads every service it meant to change, and reports per service what was changed, what
 * runs now and what was undone. Services the run never reached are said to be untouched.
 */
final class StoppedRun {
    private final ServiceWriter services;
    private final RolloutWaiter waiter;
    private final Progress progress;
    private final Clock clock;

    StoppedRun(ServiceWriter services, RolloutWaiter waiter, Progress progress, Clock clock) {
        this.services = services;
        this.waiter = waiter;
        this.progress = progress;
        this.clock = clock;
    }

    /**
     * @param failing the service whose call failed, or null when waiting for the rollouts failed
     */
    DeployReport report(String environment, String cluster, List<ServiceStep> steps, ChangeJournal journal,
            DriftlessException error, String failing, DeployOptions options, Instant started) {
        // an interruption (SIGTERM) still gets its rollback sent and its report; the flag would abort every call
        boolean interrupted = Thread.interrupted();
        String where = failing == null ? "while waiting for the rollouts" : "at " + failing;
        String cause = "the deploy stopped " + where + ": " + error.getMessage();
        String fix = "fix: " + (error.hint() != null ? error.hint() : "see the message above")
                + (interrupted ? "" : "; then rerun the deploy");
        progress.warning(cause + " — " + (options.rollbackOnFailure() ? "rolling back what this run updated"
                : "leaving what this run updated as it is (--no-rollback)"));

        Map<String, String> rollbackFailed = new HashMap<>();
        List<RolloutTarget> reverting = new ArrayList<>();
        if (options.rollbackOnFailure()) {
            for (ServiceStep s : steps) {
                String previous = Deployer.previous(s);
                if (!journal.touched(s.service()) || previous == null) {
                    continue;
                }
                progress.line(s.service() + ": rolling back to " + Deployer.shortArn(previous));
                try {
                    services.update(new ServiceWriter.Update(cluster, s.service(), previous, null, null));
                    journal.note(s.service(), "rolled back to " + Deployer.shortArn(previous));
                    reverting.add(new RolloutTarget(s.service(), previous));
                } catch (DriftlessException e) {
                    rollbackFailed.put(s.service(), "rollback to " + Deployer.shortArn(previous) + " failed: " + e.getMessage());
                }
            }
        }
        Map<String, RolloutOutcome> back = new HashMap<>();
        if (!reverting.isEmpty() && !interrupted) {
            try {
                back.putAll(waiter.await(cluster, reverting, options.timeout()).stream()
                        .collect(Collectors.toMap(RolloutOutcome::service, o -> o)));
            } catch (DriftlessException e) {
                reverting.forEach(t -> rollbackFailed.putIfAbsent(t.service(), "rollback to "
                        + Deployer.shortArn(t.taskDefinitionArn()) + " was sent, but could not be watched: " + e.getMessage()));
            }
        }
        Map<String, LiveService> live = new HashMap<>();
        String unread = null;
        try {
            live.putAll(waiter.reread(cluster, steps.stream().filter(ServiceStep::changes).map(ServiceStep::service).toList()));
        } catch (DriftlessException e) {
            unread = e.getMessage();
        }

        Duration elapsed = Duration.between(started, clock.instant());
        List<ServiceResult> results = new ArrayList<>();
        for (ServiceStep s : steps) {
            String name = s.service();
            if (!s.changes()) {
                results.add(Deployer.unchangedOrPinned(s, null).withChanges(journal.lines(name)));
                continue;
            }
            String previous = Deployer.previous(s);
            LiveService now = live.get(name);
            String running = now != null ? now.taskDefinitionArn() : null;
            List<String> reasons = new ArrayList<>();
            Outcome outcome;
            if (!journal.touched(name)) {
                if (name.equals(failing)) {
                    outcome = Outcome.FAILED;
                    reasons.add(cause);
                    if (journal.registered(name) != null) {
                        reasons.add("registered " + Deployer.shortArn(journal.registered(name))
                                + ", but it was never put on the service");
                    }
                    reasons.add("the service itself was not changed");
                    reasons.add(fix);
                } else {
                    outcome = Outcome.NOT_STARTED;
                    reasons.add("left untouched: the deploy stopped " + where + " before changing it");
                }
                running = running != null ? running : previous;
            } else {
                reasons.add(cause);
                String rollbackError = rollbackFailed.get(name);
                RolloutOutcome reverted = back.get(name);
                if (previous == null) {
                    outcome = Outcome.FAILED;
                    reasons.add("new service: there is no previous task definition to roll back to; left as created");
                } else if (!options.rollbackOnFailure()) {
                    outcome = Outcome.FAILED;
                    reasons.add("left on " + Deployer.shortArn(running != null ? running : journal.updatedTo(name))
                            + " as ECS has it (--no-rollback)");
                } else if (rollbackError != null) {
                    outcome = Outcome.FAILED_ROLLBACK_FAILED;
                    reasons.add(rollbackError);
                } else if (interrupted) {
                    outcome = Outcome.FAILED_ROLLBACK_FAILED;
                    reasons.add("rollback to " + Deployer.shortArn(previous)
                            + " was sent; the run was interrupted before it became stable — check the service");
                } else if (reverted != null && reverted.succeeded()) {
                    outcome = Outcome.FAILED_ROLLED_BACK;
                    reasons.add("rolled back to " + Deployer.shortArn(previous) + " (stable)");
                } else {
                    outcome = Outcome.FAILED_ROLLBACK_FAILED;
                    reasons.add("rollback to " + Deployer.shortArn(previous) + " did not become stable"
                            + (reverted == null ? "" : ": " + String.join("; ", reverted.reasons())));
                }
                reasons.add(fix);
            }
            if (unread != null) {
                reasons.add("the live state could not be re-read: " + unread);
            }
            results.add(new ServiceResult(name, outcome, running, journal.updatedTo(name) != null
                    ? journal.updatedTo(name) : journal.registered(name), previous,
                    s.desired().taskDefinition().image(), elapsed, reasons, journal.lines(name)));
        }
        return new DeployReport(environment, cluster, false, results);
    }
}
