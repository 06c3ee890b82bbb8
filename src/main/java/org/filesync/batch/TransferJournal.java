package org.filesync.batch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
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
import org.springframework.transaction.support.TransactionOperations;

/**
 * Records transfers in the history off the hot path, as a group commit: workers change in-memory
 * row states and never wait for the database; a flusher thread writes every changed row in one
 * transaction. A file that ends (DONE or FAILED) wakes the flusher at once, so a file renamed into
 * place is recorded DONE, with its catalog entry, a moment later; rows that change while a flush
 * is writing go into the next one. Progress marks a row changed only every {@link #PROGRESS_BYTES}
 * and is written at least every {@link #FLUSH_MILLIS}, so a crash loses at most about that much
 * per file in flight.
 */
final class TransferJournal implements TransferRecorder, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TransferJournal.class);
    static final long PROGRESS_BYTES = 4L << 20;
    private static final long FLUSH_MILLIS = 500;
    /**
     * How long a flush that a finished file asked for waits for more: files that finish within it
     * share its commit. Each H2 commit writes a chunk to the file; without this, a tree of small
     * files costs a commit per file or two (about a fifth more CPU on 10,000 files).
     */
    private static final long GATHER_MILLIS = 20;

    private final String job;
    private final long runId;
    private final Map<String, Long> transferIds;
    private final TransferLog transfers;
    private final SyncedStateCatalog catalog;
    private final TransactionOperations transactions;
    private final RunProgress progress;
    private final Map<Long, Row> rows = new LinkedHashMap<>();
    private final Map<Long, Row> dirty = new LinkedHashMap<>();
    private final List<SyncedStateCatalog.Entry> synced = new ArrayList<>();
    private final Thread flusher;
    /** A file ended since the last flush began: flush now rather than at the next tick. */
    private boolean ended;
    private boolean closing;
    private final AtomicBoolean sizeOnlySaid = new AtomicBoolean();

    TransferJournal(String job, long runId, Map<String, Long> transferIds, TransferLog transfers,
                    SyncedStateCatalog catalog, TransactionOperations transactions, RunProgress progress) {
        this.job = job;
        this.runId = runId;
        this.transferIds = transferIds;
        this.transfers = transfers;
        this.catalog = catalog;
        this.transactions = transactions;
        this.progress = progress;
        this.flusher = new Thread(this::flushUntilClosed, "filesync-journal");
        flusher.setDaemon(true);
        flusher.start();
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
        finish(file, TransferStatus.DONE, outcome,
                new SyncedStateCatalog.Entry(file.path(), file.size(), file.source().modified()));
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
        finish(file, TransferStatus.FAILED, outcome, null);
        log.info("job {} run {}: {} failed: {}", job, runId, file.path(), outcome.message());
        progress.fileFinished(file.path(), false, outcome.message());
    }

    /** @param syncedEntry the file's catalog entry, written in the same flush as its row; null for none */
    private void finish(PlannedFile file, TransferStatus status, TransferOutcome outcome,
                        SyncedStateCatalog.Entry syncedEntry) {
        long delta;
        synchronized (this) {
            if (syncedEntry != null) {
                synced.add(syncedEntry);
            }
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
            ended = true;
            notifyAll();
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

    /** Writes every pending change now, in one transaction. */
    void flush() {
        List<TransferState> states;
        List<SyncedStateCatalog.Entry> completed;
        synchronized (this) {
            ended = false;
            states = dirty.values().stream().map(Row::state).toList();
            dirty.clear();
            completed = List.copyOf(synced);
            synced.clear();
        }
        if (states.isEmpty() && completed.isEmpty()) {
            return;
        }
        try {
            transactions.executeWithoutResult(status -> {
                transfers.update(states);
                catalog.record(job, completed);
            });
        } catch (RuntimeException e) {
            synchronized (this) {
                states.forEach(state -> dirty.putIfAbsent(state.transferId(), rows.get(state.transferId())));
                synced.addAll(completed);
            }
            throw e;
        }
    }

    private void flushUntilClosed() {
        while (awaitWork()) {
            try {
                flush();
            } catch (RuntimeException e) {
                log.warn("job {} run {}: cannot record transfer progress: {}", job, runId, e.getMessage());
                pauseAfterFailure();
            }
        }
    }

    /**
     * Waits for the next flush: {@link #GATHER_MILLIS} after a file ends, else {@link #FLUSH_MILLIS}
     * after the last one.
     *
     * @return false once the journal is closing (close() writes what is left itself)
     */
    private synchronized boolean awaitWork() {
        try {
            waitUntil(() -> ended, FLUSH_MILLIS);
            if (ended) {
                waitUntil(() -> false, GATHER_MILLIS);
            }
        } catch (InterruptedException e) {
            return false;
        }
        return !closing;
    }

    private void waitUntil(BooleanSupplier condition, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        long left;
        while (!condition.getAsBoolean() && !closing && (left = deadline - System.nanoTime()) > 0) {
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** The whole pause: files that end meanwhile do not cut it short, or a database outage is retried every few ms. */
    private synchronized void pauseAfterFailure() {
        try {
            waitUntil(() -> false, FLUSH_MILLIS);
        } catch (InterruptedException e) {
            closing = true;
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closing = true;
            notifyAll();
        }
        try {
            // its flush under way ends within the lock and connection timeouts; this one must not overlap it
            flusher.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
