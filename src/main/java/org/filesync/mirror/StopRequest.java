package org.filesync.mirror;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A request to end a run at a safe point, made from another thread (a signal, a scheduler that is
 * stopping, a heartbeat that found the run closed by another process). Workers look at the flag
 * between steps; the actions registered here run at once, so that a transfer blocked on a silent
 * server is cut off rather than waited for until its idle timeout.
 */
public final class StopRequest {

    private final List<Runnable> actions = new ArrayList<>();
    private boolean requested;

    /** @return whether this call made the request (false when it had been made already) */
    public boolean request() {
        List<Runnable> due;
        synchronized (this) {
            if (requested) {
                return false;
            }
            requested = true;
            due = List.copyOf(actions);
            actions.clear();
            notifyAll();
        }
        due.forEach(Runnable::run);
        return true;
    }

    public synchronized boolean isRequested() {
        return requested;
    }

    /** Runs {@code action} when the stop is requested, or now when it has been already. */
    public void whenRequested(Runnable action) {
        synchronized (this) {
            if (!requested) {
                actions.add(action);
                return;
            }
        }
        action.run();
    }

    /** Waits up to {@code timeout}, or less when the stop is requested meanwhile; returns whether it was. */
    public synchronized boolean await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!requested) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
