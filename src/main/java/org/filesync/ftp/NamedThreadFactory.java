package org.filesync.ftp;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Threads named {@code prefix-1}, {@code prefix-2}, ... so a thread dump says whose they are. */
public final class NamedThreadFactory implements ThreadFactory {

    private final String prefix;
    private final boolean daemon;
    private final AtomicInteger made = new AtomicInteger();

    /** @param daemon whether the threads may be cut off when the JVM exits */
    public NamedThreadFactory(String prefix, boolean daemon) {
        this.prefix = prefix;
        this.daemon = daemon;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, prefix + "-" + made.incrementAndGet());
        thread.setDaemon(daemon);
        return thread;
    }
}
