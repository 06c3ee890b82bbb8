package org.filesync.batch;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import org.filesync.ftp.NamedThreadFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The run's own threads, named so that a thread dump says what each is for; daemons, so none keeps a stopped process alive. */
final class Threads {

    private Threads() {
    }

    /** One thread for one piece of blocking work beside the run's own (JDBC must not block the common pool). */
    static ExecutorService single(String name) {
        return Executors.newSingleThreadExecutor(daemon(name));
    }

    /** One background thread for periodic work of the run (heartbeat, progress checkpoints). */
    static ScheduledExecutorService scheduled(String name) {
        return Executors.newSingleThreadScheduledExecutor(daemon(name));
    }

    /** Exactly {@code size} threads that live as long as the step: each keeps its own FTP session. */
    static ThreadPoolTaskExecutor pool(String prefix, int size) {
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setCorePoolSize(size);
        pool.setMaxPoolSize(size);
        pool.setThreadFactory(new NamedThreadFactory(prefix, true));
        pool.initialize();
        return pool;
    }

    private static ThreadFactory daemon(String name) {
        return new NamedThreadFactory(name, true);
    }
}
