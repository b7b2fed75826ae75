package dev.driftless.cli;

import dev.driftless.engine.DeployReport;
import dev.driftless.engine.ServiceResult;
import dev.driftless.engine.ServiceResult.Outcome;
import dev.driftless.spec.Capacity;
import dev.driftless.spec.DeploySpec;
import dev.driftless.spec.EnvironmentSpec;
import dev.driftless.tracker.RunOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Turns a deploy or rollback report into what the progress tracker records; nothing when nothing changed. */
final class DeployTracking {
    /** Outcomes that changed what runs (or tried to); unchanged and pinned services are not history. */
    private static final Set<Outcome> CHANGED = EnumSet.of(Outcome.CREATED, Outcome.DEPLOYED, Outcome.ROLLED_BACK,
            Outcome.FAILED, Outcome.FAILED_ROLLED_BACK, Outcome.FAILED_ROLLBACK_FAILED);

    private DeployTracking() {
    }

    static Optional<RunOutcome> deployed(DeploySpec spec, EnvironmentSpec env, DeployReport report, String sha, Instant at) {
        List<RunOutcome.ServiceResult> changed = changed(report);
        if (report.dryRun() || changed.isEmpty()) {
            return Optional.empty();
        }
        int healthy = (int) report.services().stream().filter(ServiceResult::ok).count();
        boolean spot = env.capacity() instanceof Capacity.Spot
                || (env.capacity() instanceof Capacity.Mixed m && m.spot() > 0);
        return Optional.of(new RunOutcome.Deployed(at, spec.name(), env.name(), sha, spot, changed, healthy,
                report.services().size(), longest(changed)));
    }

    static Optional<RunOutcome> rolledBack(DeploySpec spec, EnvironmentSpec env, DeployReport report, String target,
            String sha, Instant at) {
        List<RunOutcome.ServiceResult> changed = changed(report);
        if (report.dryRun() || changed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RunOutcome.RolledBack(at, spec.name(), env.name(), sha, target, changed, longest(changed)));
    }

    private static List<RunOutcome.ServiceResult> changed(DeployReport report) {
        return report.services().stream().filter(s -> CHANGED.contains(s.outcome()))
                .map(s -> new RunOutcome.ServiceResult(s.service(),
                        s.taskDefinitionArn() != null ? s.taskDefinitionArn() : s.attempted(), s.image(), s.ok(), s.duration(),
                        s.deployment()))
                .toList();
    }

    /** Services are waited for in parallel, so the run took as long as its slowest service. */
    private static Duration longest(List<RunOutcome.ServiceResult> results) {
        return results.stream().map(RunOutcome.ServiceResult::duration).max(Duration::compareTo).orElse(Duration.ZERO);
    }
}
