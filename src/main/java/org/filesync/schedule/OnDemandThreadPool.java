package org.filesync.schedule;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.filesync.ftp.NamedThreadFactory;
import org.quartz.spi.ThreadPool;

/**
 * A thread per fire, made when the fire comes. A fixed pool would have to be sized for every job
 * plus the fire that finds its job still running (and so is recorded SKIPPED): with jobs added by
 * reloading, any fixed size can turn out too small, and a fire that waits for a thread misfires.
 * Public only because Quartz sets its names by reflection.
 */
public final class OnDemandThreadPool implements ThreadPool {

    private volatile ExecutorService executor;
    private volatile String instanceName = "filesync";

    @Override
    public void initialize() {
        executor = Executors.newCachedThreadPool(new NamedThreadFactory(instanceName + "-fire", false));
    }

    @Override
    public boolean runInThread(Runnable runnable) {
        executor.execute(runnable);
        return true;
    }

    /** Quartz takes this many triggers at a time (never more than its batch size, 1): always one is free. */
    @Override
    public int blockForAvailableThreads() {
        return 1;
    }

    @Override
    public void shutdown(boolean waitForJobsToComplete) {
        executor.shutdown();
        if (waitForJobsToComplete) {
            try {
                executor.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public int getPoolSize() {
        return Integer.MAX_VALUE;
    }

    @Override
    public void setInstanceId(String id) {
        // threads are named after the scheduler instead
    }

    @Override
    public void setInstanceName(String name) {
        this.instanceName = name;
    }
}
