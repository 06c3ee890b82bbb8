package org.filesync.schedule;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.filesync.mirror.StopRequest;

/** The stop requests of the runs this node is running, so that a graceful stop can ask each to end at a safe point. */
final class RunningRuns {

    private final Set<StopRequest> runs = new HashSet<>();
    private boolean stopping;

    /** A new run's stop request, already made when the node is stopping. */
    synchronized StopRequest begin() {
        StopRequest stop = new StopRequest();
        if (stopping) {
            stop.request();
        }
        runs.add(stop);
        return stop;
    }

    synchronized void end(StopRequest stop) {
        runs.remove(stop);
        notifyAll();
    }

    synchronized void stopAll() {
        stopping = true;
        runs.forEach(StopRequest::request);
    }

    synchronized boolean isStopping() {
        return stopping;
    }

    /** @return whether every run ended within {@code timeout} */
    synchronized boolean awaitNone(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!runs.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
