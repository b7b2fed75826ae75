package dev.driftless.engine;

import dev.driftless.DriftlessException;
import dev.driftless.plan.LiveEnvironment;
import dev.driftless.plan.LiveService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Waits until each service runs the task definition we put on it, or fails, or the environment's timeout
 * runs out. Every round makes one DescribeServices call per 10 services still being waited on (never a
 * call per task); stopped tasks are looked up only for services that show failures. Calls run on a
 * bounded pool, output is printed in service order by the calling thread.
 */
public final class RolloutWaiter {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(15);

    /** ECS accepts at most this many services per DescribeServices call. */
    public static final int SERVICES_PER_CALL = 10;

    private final LiveStateReader reader;
    private final StoppedTaskReader stopped;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Progress progress;
    private final Duration interval;
    private final int concurrency;

    public RolloutWaiter(LiveStateReader reader, StoppedTaskReader stopped, Clock clock, Sleeper sleeper, Progress progress, Duration interval,
            int concurrency) {
        this.reader = reader;
        this.stopped = stopped;
        this.clock = clock;
        this.sleeper = sleeper;
        this.progress = progress;
        this.interval = interval;
        this.concurrency = Math.max(1, concurrency);
    }

    /** Outcomes in the order of the targets. */
    public List<RolloutOutcome> await(String cluster, List<RolloutTarget> targets, Duration timeout) {
        if (targets.isEmpty()) {
            return List.of();
        }
        Instant started = clock.instant();
        Instant deadline = started.plus(timeout);
        Map<String, RolloutWatch> waiting = new LinkedHashMap<>();
        targets.forEach(t -> waiting.put(t.service(), new RolloutWatch(t, started)));
        Map<String, RolloutOutcome> done = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, targets.size()), r -> {
            Thread t = new Thread(r, "driftless-waiter");
            t.setDaemon(true);
            return t;
        });
        try {
            while (!waiting.isEmpty()) {
                Map<String, LiveService> seen = describeAll(pool, cluster, List.copyOf(waiting.keySet()));
                Instant now = clock.instant();
                List<RolloutWatch.Report> reports = run(pool, waiting.values().stream()
                        .map(w -> (Callable<RolloutWatch.Report>) () ->
                                w.observe(Optional.ofNullable(seen.get(w.service())), now, stopped, cluster))
                        .toList());
                for (RolloutWatch.Report r : reports) {
                    show(r);
                    r.outcome().ifPresent(o -> {
                        done.put(o.service(), o);
                        waiting.remove(o.service());
                    });
                }
                if (waiting.isEmpty()) {
                    break;
                }
                Instant after = clock.instant();
                if (!after.isBefore(deadline)) {
                    for (RolloutWatch w : waiting.values()) {
                        // the outcome carries the reason; the caller reports it once
                        RolloutOutcome o = w.timedOut(after, timeout);
                        done.put(o.service(), o);
                    }
                    break;
                }
                Duration left = Duration.between(after, deadline);
                sleep(left.compareTo(interval) < 0 ? left : interval);
            }
        } finally {
            pool.shutdownNow();
        }
        return targets.stream().map(t -> done.get(t.service())).toList();
    }

    /** The services as ECS has them now (one DescribeServices per 10), for a report after a failure. */
    public Map<String, LiveService> reread(String cluster, List<String> services) {
        Map<String, LiveService> all = new LinkedHashMap<>();
        for (int i = 0; i < services.size(); i += SERVICES_PER_CALL) {
            all.putAll(reader.services(cluster, services.subList(i, Math.min(services.size(), i + SERVICES_PER_CALL)))
                    .services());
        }
        return all;
    }

    private void show(RolloutWatch.Report r) {
        if (r.lines().isEmpty()) {
            progress.line(r.title());
            return;
        }
        progress.group(r.title());
        r.lines().forEach(progress::line);
        progress.endGroup();
    }

    /** Batches of 10, each one DescribeServices call, on the pool. */
    private Map<String, LiveService> describeAll(ExecutorService pool, String cluster, List<String> services) {
        List<Callable<LiveEnvironment>> calls = new ArrayList<>();
        for (int i = 0; i < services.size(); i += SERVICES_PER_CALL) {
            List<String> batch = services.subList(i, Math.min(services.size(), i + SERVICES_PER_CALL));
            calls.add(() -> reader.services(cluster, batch));
        }
        Map<String, LiveService> all = new HashMap<>();
        run(pool, calls).forEach(env -> all.putAll(env.services()));
        return all;
    }

    private static <T> List<T> run(ExecutorService pool, List<Callable<T>> calls) {
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(calls)) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriftlessException("interrupted while waiting for services to become stable", null, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new DriftlessException("waiting failed: " + e.getCause(), null, e.getCause());
        }
    }

    private void sleep(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriftlessException("interrupted while waiting for services to become stable", null, e);
        }
    }
}
