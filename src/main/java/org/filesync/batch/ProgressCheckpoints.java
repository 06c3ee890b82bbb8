package org.filesync.batch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.filesync.ftp.RestartPoint;
import org.filesync.history.TransferLog;
import org.filesync.history.TransferLog.TransferState;
import org.filesync.history.TransferStatus;
import org.filesync.mirror.PlannedFile;
import org.filesync.mirror.TransferRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The progress of the files in flight, persisted outside the transfer step's chunk transactions:
 * a file's row becomes IN_PROGRESS with its bytes and restart marker once it has moved
 * {@link #PROGRESS_BYTES} or confirmed a new marker, written by one background thread every
 * {@link #FLUSH_MILLIS} (latest state only). A crash loses at most that much of each file; small
 * files never cost a write of their own: their row goes from PENDING to DONE in their chunk.
 */
final class ProgressCheckpoints implements TransferRecorder, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProgressCheckpoints.class);
    static final long PROGRESS_BYTES = 4L << 20;
    private static final long FLUSH_MILLIS = 500;

    /** One file in flight. Guarded by the checkpoints' lock. */
    static final class Checkpoint {
        final long transferId;
        Instant startedAt;
        int attempt;
        long bytes;
        long persistedBytes;
        long resumedFrom;
        /** {@link #bytes} when the current attempt started. */
        long attemptBase;
        RestartPoint confirmed = RestartPoint.START;

        Checkpoint(long transferId) {
            this.transferId = transferId;
        }

        TransferState state() {
            return new TransferState(transferId, TransferStatus.IN_PROGRESS, bytes, resumedFrom,
                    confirmed.marker(), confirmed.marker() == null ? null : confirmed.offset(), attempt, null, null,
                    startedAt, null);
        }
    }

    private final String job;
    private final long runId;
    private final TransferLog transfers;
    private final RunProgress progress;
    private final Map<String, Checkpoint> inFlight = new ConcurrentHashMap<>();
    private final Set<Checkpoint> due = new LinkedHashSet<>();
    private final AtomicBoolean sizeOnlySaid = new AtomicBoolean();
    private ScheduledExecutorService writer;

    ProgressCheckpoints(String job, long runId, TransferLog transfers, RunProgress progress) {
        this.job = job;
        this.runId = runId;
        this.transfers = transfers;
        this.progress = progress;
    }

    /** Starts the background writer, with the transfer step. */
    void open() {
        writer = Threads.scheduled("filesync-checkpoints");
        writer.scheduleWithFixedDelay(this::flushQuietly, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Begins tracking a file before its first attempt; the same checkpoint again for a retry. */
    void track(String path, long transferId) {
        inFlight.computeIfAbsent(path, ignored -> new Checkpoint(transferId));
    }

    /** What a file that ended had got to: when its first attempt started, and the last restart point it confirmed. */
    record Ended(Instant startedAt, RestartPoint confirmed) {
    }

    /** Stops tracking a file that ended, and reports the bytes its last progress report had not. */
    Ended finish(String path, long bytesThisRun) {
        Checkpoint checkpoint = inFlight.remove(path);
        if (checkpoint == null) {
            return new Ended(Instant.now(), RestartPoint.START);
        }
        long delta;
        Ended ended;
        synchronized (this) {
            due.remove(checkpoint);
            delta = bytesThisRun - checkpoint.bytes;
            ended = new Ended(checkpoint.startedAt == null ? Instant.now() : checkpoint.startedAt, checkpoint.confirmed);
        }
        if (delta > 0) {
            progress.bytesMoved(delta);
        }
        return ended;
    }

    @Override
    public void started(PlannedFile file, int attempt, long resumedFrom) {
        Checkpoint checkpoint = inFlight.get(file.path());
        synchronized (this) {
            checkpoint.attempt = attempt;
            checkpoint.resumedFrom = resumedFrom;
            checkpoint.attemptBase = checkpoint.bytes;
            if (checkpoint.startedAt == null) {
                checkpoint.startedAt = Instant.now();
            }
        }
        progress.fileStarted(file.path(), file.size(), resumedFrom);
    }

    @Override
    public void progress(PlannedFile file, long bytesThisRun, RestartPoint confirmed) {
        Checkpoint checkpoint = inFlight.get(file.path());
        long delta;
        long offset;
        synchronized (this) {
            delta = bytesThisRun - checkpoint.bytes;
            checkpoint.bytes = bytesThisRun;
            offset = checkpoint.resumedFrom + bytesThisRun - checkpoint.attemptBase;
            boolean newMarker = confirmed.marker() != null && !confirmed.equals(checkpoint.confirmed);
            checkpoint.confirmed = confirmed;
            if (newMarker || checkpoint.bytes - checkpoint.persistedBytes >= PROGRESS_BYTES) {
                checkpoint.persistedBytes = checkpoint.bytes;
                due.add(checkpoint);
            }
        }
        if (delta > 0) {
            progress.bytesMoved(delta);
        }
        progress.fileAt(file.path(), offset);
    }

    /** Writes what the stopped file got at once: the process may be about to exit. */
    @Override
    public void stopped(PlannedFile file, long bytesThisRun, RestartPoint confirmed) {
        progress(file, bytesThisRun, confirmed);
        Checkpoint checkpoint = inFlight.remove(file.path());
        TransferState state;
        synchronized (this) {
            due.remove(checkpoint);
            state = checkpoint.state();
        }
        transfers.checkpoint(List.of(state));
    }

    @Override
    public void verifiedBySizeOnly(PlannedFile file, String reason) {
        if (sizeOnlySaid.compareAndSet(false, true)) {
            log.warn("job {} run {}: verify: checksum falls back to the size check, the server gave no checksum for {}: {}",
                    job, runId, file.path(), reason);
        }
    }

    void flush() {
        List<TransferState> states = new ArrayList<>();
        synchronized (this) {
            due.forEach(checkpoint -> states.add(checkpoint.state()));
            due.clear();
        }
        transfers.checkpoint(states);
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("job {} run {}: cannot record transfer progress: {}", job, runId, e.getMessage());
        }
    }

    @Override
    public void close() {
        if (writer == null) {
            return;
        }
        writer.shutdown();
        try {
            // a flush under way ends within the lock and connection timeouts; the last one must not overlap it
            writer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flushQuietly();
    }
}
