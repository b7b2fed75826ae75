package dev.driftless.engine;

import dev.driftless.DriftlessException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One deployment at a time per environment: before its first write a run takes the lease, a tag on the
 * environment's cluster naming the run, and gives it back at the end (also after a failure). ECS tags have
 * no compare-and-swap, so taking it is write-then-read-back: the run writes its own unique token, waits
 * {@link #SETTLE} for a concurrent writer's tag to land, reads the tag again and proceeds only if its own
 * token is still there; of two runs that wrote at nearly the same moment, the last write wins and the other
 * refuses. The workflows' shared concurrency group is the first line; this lease guards what that cannot
 * see (another repository, a local run, a re-run).
 */
public final class EnvironmentLease {
    public static final String TAG = "driftless:lease";
    /** How long a concurrent writer's tag gets to become visible before the read-back. */
    public static final Duration SETTLE = Duration.ofSeconds(2);

    private final ClusterTags tags;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Progress progress;

    public EnvironmentLease(ClusterTags tags, Clock clock, Sleeper sleeper, Progress progress) {
        this.tags = tags;
        this.clock = clock;
        this.sleeper = sleeper;
        this.progress = progress;
    }

    /** A lease this run holds; {@link #close()} gives it back unless another run has taken it over since. */
    public final class Held implements AutoCloseable {
        private final String cluster;
        private final LeaseHolder holder;
        private final boolean shared;

        private Held(String cluster, LeaseHolder holder, boolean shared) {
            this.cluster = cluster;
            this.holder = holder;
            this.shared = shared;
        }

        public LeaseHolder holder() {
            return holder;
        }

        @Override
        public void close() {
            if (shared) {
                // the job of this run that wrote the lease gives it back
                return;
            }
            try {
                Optional<LeaseHolder> now = LeaseHolder.parse(tags.read(cluster).get(TAG));
                if (now.isPresent() && !now.get().token().equals(holder.token())) {
                    progress.warning("the lease on " + cluster + " was taken over by " + now.get().describe(clock.instant())
                            + "; left it to that run");
                    return;
                }
                tags.remove(cluster, Set.of(TAG));
            } catch (DriftlessException e) {
                progress.warning("could not release the lease on cluster " + cluster + ": " + e.getMessage()
                        + " — it expires at " + holder.expires() + ", or the next run can take it with --force");
            }
        }
    }

    /**
     * @param run    who asks: repository, run id and attempt (null outside Actions: "local")
     * @param ttl    how long the lease lasts if this run dies without releasing it (the run's longest wait and then some)
     * @param force  take the lease over from a live holder (said so in a warning)
     */
    public Held acquire(String environment, String cluster, String command, String repository, String runId,
            String attempt, Duration ttl, boolean force) {
        Instant now = clock.instant();
        Optional<LeaseHolder> current = LeaseHolder.parse(tags.read(cluster).get(TAG));
        if (current.isPresent()) {
            LeaseHolder h = current.get();
            if (runId != null && !h.expiredAt(now) && h.runId().equals(runId) && h.repository().equals(repository)
                    && h.attempt().equals(attempt == null ? "1" : attempt)) {
                // the deploy workflow fans out one job per service; the jobs of one run are one deployment
                progress.line("the lease on " + cluster + " is held by this workflow run (another of its jobs); sharing it");
                return new Held(cluster, h, true);
            }
            if (h.expiredAt(now)) {
                progress.warning("taking over the expired lease on " + cluster + " (" + h.describe(now) + ", expired at "
                        + h.expires() + ")");
            } else if (force) {
                progress.warning("--force: taking over the lease on " + cluster + " from " + h.describe(now)
                        + " — that run may still be changing services");
            } else {
                throw refusal(environment, cluster, h, now);
            }
        }
        LeaseHolder mine = new LeaseHolder(repository == null ? "local" : repository, runId == null ? "local" : runId,
                attempt == null ? "1" : attempt, command, now, now.plus(ttl), UUID.randomUUID().toString());
        tags.write(cluster, Map.of(TAG, mine.tagValue()));
        try {
            sleeper.sleep(SETTLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriftlessException("interrupted while taking the lease on " + cluster + " — nothing was changed", null, e);
        }
        Optional<LeaseHolder> readBack = LeaseHolder.parse(tags.read(cluster).get(TAG));
        if (readBack.isEmpty() || !readBack.get().token().equals(mine.token())) {
            // another run wrote after us: it holds the lease, and our tag is already gone
            throw refusal(environment, cluster, readBack.orElse(mine), clock.instant());
        }
        progress.line("took the lease on " + cluster + " until " + mine.expires());
        return new Held(cluster, mine, false);
    }

    private static DriftlessException refusal(String environment, String cluster, LeaseHolder h, Instant now) {
        return new DriftlessException("another run is changing environment " + environment + ": the lease on cluster "
                + cluster + " is held by " + h.describe(now) + ", until " + h.expires() + " — nothing was changed",
                "wait for that run to finish (the driftless workflows queue in the concurrency group driftless-"
                        + environment + "), then rerun; if that run is gone, pass --force to take the lease over");
    }
}
