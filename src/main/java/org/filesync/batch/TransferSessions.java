package org.filesync.batch;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.filesync.ftp.FtpException;
import org.filesync.mirror.RetryPolicy;
import org.filesync.mirror.SessionPool;
import org.filesync.mirror.StopRequest;
import org.filesync.mirror.WorkerSession;
import org.springframework.batch.core.ChunkListener;
import org.springframework.batch.core.scope.context.ChunkContext;

/**
 * The FTP session of each thread of the transfer step, kept for the life of the step: no file
 * costs a reconnect. A server that refuses more sessions (421 "too many connections") does not
 * fail files: the thread it refused waits for a session another thread gives back when the
 * reader has nothing more for it. When no thread can connect at all, connecting is retried with
 * the job's backoff, and then the step fails.
 */
final class TransferSessions implements ChunkListener, AutoCloseable {

    private final SessionPool pool;
    private final RetryPolicy retry;
    private final StopRequest stop;
    private final PendingTransferReader reader;
    private final Map<Thread, WorkerSession> held = new ConcurrentHashMap<>();

    TransferSessions(SessionPool pool, RetryPolicy retry, StopRequest stop, PendingTransferReader reader) {
        this.pool = pool;
        this.retry = retry;
        this.stop = stop;
        this.reader = reader;
    }

    /** This thread's session, connected. */
    WorkerSession acquire() throws FtpException, InterruptedException {
        WorkerSession worker = held.computeIfAbsent(Thread.currentThread(), thread -> new WorkerSession(pool));
        int failures = 0;
        while (true) {
            try {
                worker.get();
                return worker;
            } catch (FtpException e) {
                if (stop.isRequested()) {
                    throw e;
                }
                if (waitForAnother(worker)) {
                    continue;
                }
                if (++failures > retry.retries() || stop.await(retry.delayBefore(failures + 1))) {
                    throw e;
                }
            }
        }
    }

    /** Waits a while for a session that another thread gives back, when another thread has one. */
    private synchronized boolean waitForAnother(WorkerSession mine) throws InterruptedException {
        boolean othersConnected = held.values().stream().anyMatch(other -> other != mine && other.isConnected());
        if (othersConnected) {
            wait(1000);
        }
        return othersConnected;
    }

    @Override
    public void afterChunk(ChunkContext context) {
        if (reader.isDrained()) {
            releaseThisThread();
        }
    }

    @Override
    public void afterChunkError(ChunkContext context) {
        afterChunk(context);
    }

    private void releaseThisThread() {
        WorkerSession worker = held.remove(Thread.currentThread());
        if (worker != null) {
            worker.close();
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /** Gives every session back to the run's pool, for the steps that follow. */
    @Override
    public void close() {
        held.values().forEach(WorkerSession::close);
        held.clear();
    }
}
