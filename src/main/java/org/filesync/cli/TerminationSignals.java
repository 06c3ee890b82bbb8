package org.filesync.cli;

import sun.misc.Signal;

/**
 * SIGTERM and SIGINT, taken over from the JVM so that they start a graceful stop instead of the
 * JVM's shutdown: H2 closes its database in a shutdown hook of its own, which would cut off a stop
 * that still has runs to record as STOPPED. A second signal ends the process at once.
 */
final class TerminationSignals {

    private TerminationSignals() {
    }

    static void onTerminate(Runnable gracefulStop) {
        Runnable[] next = {gracefulStop};
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> {
                Runnable action;
                synchronized (next) {
                    action = next[0];
                    next[0] = () -> Runtime.getRuntime().halt(128 + signal.getNumber());
                }
                action.run();
            });
        }
    }
}
