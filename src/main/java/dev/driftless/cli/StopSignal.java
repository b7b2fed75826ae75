package dev.driftless.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What SIGTERM or SIGINT (a cancelled workflow) does to a run: the JVM's shutdown hook interrupts the
 * command's thread, which stops waiting for rollouts, sends the rollback of what it had updated and writes
 * its report; the hook waits for that (bounded: the runner kills the process a few seconds later) so the
 * report is not cut off. The exit code is then the JVM's for a signal (143, 130): non-zero.
 */
final class StopSignal {
    /** GitHub sends SIGKILL about 7.5 s after cancelling; the report has to be out before that. */
    static final Duration GRACE = Duration.ofSeconds(6);

    private final CountDownLatch finished = new CountDownLatch(1);

    private StopSignal() {
    }

    static StopSignal install(Thread command, PrintStream err) {
        StopSignal s = new StopSignal();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (s.finished.getCount() == 0) {
                return;
            }
            err.println("driftless: stopped by a signal — stopping the wait, rolling back what this run updated and reporting");
            err.flush();
            command.interrupt();
            try {
                s.finished.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "driftless-stop-signal"));
        return s;
    }

    /** The command returned (its report is written); the hook has nothing left to wait for. */
    void finished() {
        finished.countDown();
    }
}
