package org.filesync.mirror;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.filesync.ftp.FtpException;

/**
 * {@code parallel} workers, each holding one session for its whole life, taking planned files
 * in order (largest first) until none is left, the failure limit is reached, or a stop is asked.
 */
public final class TransferWorkers {

    /**
     * @param stopReason why the workers stopped before the end ("too many failed files", "stop requested"), or null
     */
    public record Summary(int done, int failed, String stopReason) {
    }

    private final SessionPool pool;
    private final int parallel;
    private final FileTransfer transfer;
    private final int maxFailures;
    private final StopRequest stop;

    public TransferWorkers(SessionPool pool, int parallel, FileTransfer transfer, int maxFailures,
                           StopRequest stop) {
        this.pool = pool;
        this.parallel = parallel;
        this.transfer = transfer;
        this.maxFailures = maxFailures;
        this.stop = stop;
    }

    /** @throws FtpException when not one worker could open a session: the run as a whole fails */
    public Summary run(List<PlannedFile> files) throws FtpException, InterruptedException {
        if (files.isEmpty()) {
            return new Summary(0, 0, null);
        }
        Queue<PlannedFile> queue = new ConcurrentLinkedQueue<>(files);
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger connected = new AtomicInteger();
        AtomicReference<FtpException> connectFailure = new AtomicReference<>();
        AtomicReference<String> stopReason = new AtomicReference<>();
        int workers = Math.max(1, Math.min(parallel, files.size()));
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            Thread thread = new Thread(() -> {
                try (WorkerSession session = new WorkerSession(pool)) {
                    try {
                        session.get();
                        connected.incrementAndGet();
                    } catch (FtpException e) {
                        connectFailure.compareAndSet(null, e);
                        return;
                    }
                    PlannedFile file;
                    while (stopReason.get() == null && (file = queue.poll()) != null) {
                        if (stop.isRequested()) {
                            stopReason.compareAndSet(null, "stop requested");
                            break;
                        }
                        TransferOutcome outcome;
                        try {
                            outcome = transfer.transfer(file, session);
                        } catch (TransferStoppedException e) {
                            stopReason.compareAndSet(null, "stop requested");
                            break;
                        }
                        if (outcome.succeeded()) {
                            done.incrementAndGet();
                        } else if (failed.incrementAndGet() >= maxFailures && maxFailures > 0) {
                            stopReason.compareAndSet(null, "too many failed files (" + failed.get() + ")");
                        }
                    }
                } catch (InterruptedException e) {
                    stopReason.compareAndSet(null, "interrupted");
                    Thread.currentThread().interrupt();
                }
            }, "filesync-transfer-" + i);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (connected.get() == 0 && connectFailure.get() != null) {
            throw connectFailure.get();
        }
        return new Summary(done.get(), failed.get(), stopReason.get());
    }
}
