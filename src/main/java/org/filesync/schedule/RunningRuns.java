package org.filesync.schedule;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/** The stop flags of the runs this node is running, so that a graceful stop can ask each to end at a safe point. */
final class RunningRuns {

    private final Set<AtomicBoolean> flags = new HashSet<>();
    private boolean stopping;

    /** A new run's stop flag, already set when the node is stopping. */
    synchronized AtomicBoolean begin() {
        AtomicBoolean flag = new AtomicBoolean(stopping);
        flags.add(flag);
        return flag;
    }

    synchronized void end(AtomicBoolean flag) {
        flags.remove(flag);
        notifyAll();
    }

    synchronized void stopAll() {
        stopping = true;
        flags.forEach(flag -> flag.set(true));
    }

    synchronized boolean isStopping() {
        return stopping;
    }

    /** @return whether every run ended within {@code timeout} */
    synchronized boolean awaitNone(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!flags.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
