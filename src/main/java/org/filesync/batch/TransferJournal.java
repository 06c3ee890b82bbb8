package org.filesync.batch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.filesync.ftp.RestartPoint;
import org.filesync.history.SyncedStateCatalog;
import org.filesync.history.TransferLog;
import org.filesync.history.TransferLog.TransferState;
import org.filesync.history.TransferStatus;
import org.filesync.mirror.PlannedFile;
import org.filesync.mirror.TransferOutcome;
import org.filesync.mirror.TransferRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records transfers in the history off the hot path: workers change in-memory row states, and a
 * flusher writes the changed ones in one batch every {@link #FLUSH_MILLIS}. Progress marks a row
 * changed only every {@link #PROGRESS_BYTES}, so a crash loses at most that much per file in
 * flight. Completed files go into the synced-state catalog in the same flush.
 */
final class TransferJournal implements TransferRecorder, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TransferJournal.class);
    static final long PROGRESS_BYTES = 4L << 20;
    private static final long FLUSH_MILLIS = 500;

    private final String job;
    private final long runId;
    private final Map<String, Long> transferIds;
    private final TransferLog transfers;
    private final SyncedStateCatalog catalog;
    private final RunProgress progress;
    private final Map<Long, Row> rows = new LinkedHashMap<>();
    private final Map<Long, Row> dirty = new LinkedHashMap<>();
    private final List<SyncedStateCatalog.Entry> synced = new ArrayList<>();
    private final ScheduledExecutorService flusher;
    private final AtomicBoolean sizeOnlySaid = new AtomicBoolean();

    TransferJournal(String job, long runId, Map<String, Long> transferIds, TransferLog transfers,
                    SyncedStateCatalog catalog, RunProgress progress) {
        this.job = job;
        this.runId = runId;
        this.transferIds = transferIds;
        this.transfers = transfers;
        this.catalog = catalog;
        this.progress = progress;
        this.flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "filesync-journal");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::flushQuietly, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The mutable state of one row. */
    private static final class Row {
        final long id;
        TransferStatus status = TransferStatus.PENDING;
        long bytes;
        long persistedBytes;
        long resumedFrom;
        RestartPoint confirmed;
        int attempts;
        Integer replyCode;
        String message;
        Instant startedAt;
        Instant finishedAt;

        Row(long id) {
            this.id = id;
        }

        TransferState state() {
            return new TransferState(id, status, bytes, resumedFrom, confirmed == null ? null : confirmed.marker(),
                    confirmed == null ? null : confirmed.offset(), attempts, replyCode, message, startedAt, finishedAt);
        }
    }

    @Override
    public void started(PlannedFile file, int attempt, long resumedFrom) {
        synchronized (this) {
            Row row = row(file);
            row.status = TransferStatus.IN_PROGRESS;
            row.attempts = attempt;
            row.resumedFrom = resumedFrom;
            if (row.startedAt == null) {
                row.startedAt = Instant.now();
            }
            dirty.put(row.id, row);
        }
    }

    @Override
    public void progress(PlannedFile file, long bytesThisRun, RestartPoint confirmed) {
        long delta;
        synchronized (this) {
            Row row = row(file);
            delta = bytesThisRun - row.bytes;
            row.bytes = bytesThisRun;
            row.confirmed = confirmed;
            if (row.bytes - row.persistedBytes >= PROGRESS_BYTES) {
                row.persistedBytes = row.bytes;
                dirty.put(row.id, row);
            }
        }
        if (delta > 0) {
            progress.bytesMoved(delta);
        }
    }

    @Override
    public void stopped(PlannedFile file, long bytesThisRun, RestartPoint confirmed) {
        progress(file, bytesThisRun, confirmed);
        synchronized (this) {
            Row row = row(file);
            row.persistedBytes = row.bytes;
            dirty.put(row.id, row);
        }
    }

    @Override
    public void done(PlannedFile file, TransferOutcome outcome) {
        finish(file, TransferStatus.DONE, outcome);
        synchronized (this) {
            synced.add(new SyncedStateCatalog.Entry(file.path(), file.size(), file.source().modified()));
        }
        progress.fileFinished(file.path(), true, null);
    }

    @Override
    public void verifiedBySizeOnly(PlannedFile file, String reason) {
        if (sizeOnlySaid.compareAndSet(false, true)) {
            log.warn("job {} run {}: verify: checksum falls back to the size check, the server gave no checksum for {}: {}",
                    job, runId, file.path(), reason);
        }
    }

    @Override
    public void failed(PlannedFile file, TransferOutcome outcome) {
        finish(file, TransferStatus.FAILED, outcome);
        log.info("job {} run {}: {} failed: {}", job, runId, file.path(), outcome.message());
        progress.fileFinished(file.path(), false, outcome.message());
    }

    private void finish(PlannedFile file, TransferStatus status, TransferOutcome outcome) {
        long delta;
        synchronized (this) {
            Row row = row(file);
            delta = outcome.bytesThisRun() - row.bytes;
            row.status = status;
            row.bytes = outcome.bytesThisRun();
            row.resumedFrom = outcome.resumedFrom();
            row.attempts = outcome.attempts();
            row.replyCode = outcome.replyCode();
            row.message = outcome.message();
            row.finishedAt = Instant.now();
            if (row.startedAt == null) {
                row.startedAt = row.finishedAt;
            }
            dirty.put(row.id, row);
        }
        if (delta > 0) {
            progress.bytesMoved(delta);
        }
    }

    private Row row(PlannedFile file) {
        Long id = transferIds.get(file.path());
        if (id == null) {
            throw new IllegalStateException("no transfer row for " + file.path());
        }
        return rows.computeIfAbsent(id, Row::new);
    }

    /** Writes every pending change now. */
    void flush() {
        List<TransferState> states;
        List<SyncedStateCatalog.Entry> completed;
        synchronized (this) {
            states = dirty.values().stream().map(Row::state).toList();
            dirty.clear();
            completed = List.copyOf(synced);
            synced.clear();
        }
        try {
            transfers.update(states);
            catalog.record(job, completed);
        } catch (RuntimeException e) {
            synchronized (this) {
                states.forEach(state -> dirty.putIfAbsent(state.transferId(), rows.get(state.transferId())));
                synced.addAll(completed);
            }
            throw e;
        }
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
        flusher.shutdown();
        try {
            flusher.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
