package org.filesync.batch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.filesync.ftp.FailureMessages;
import org.filesync.history.SyncedStateCatalog;
import org.filesync.history.TransferLog.TransferState;
import org.filesync.history.TransferStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ItemWriter;

/**
 * Records the transferred files: their DONE rows and their catalog entries. The transfer threads
 * hand each chunk's files to one background thread, which writes all it has been handed in one
 * transaction. Each commit of H2 writes a new chunk of its file; committing on every transfer
 * thread after every chunk took about a third of their CPU in a mirror of small files. A file
 * waits for its row for the length of its chunk, up to the 30 ms until the next commit, and that
 * commit; a kill -9 in that window leaves a complete file without its row, which the next run
 * adopts from the target.
 */
final class TransferredFileWriter implements ItemWriter<TransferredFile> {

    private static final Logger log = LoggerFactory.getLogger(TransferredFileWriter.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(60);
    private static final long COMMIT_SPACING_NANOS = 30_000_000;

    /** The rows and catalog entries of one chunk; {@link #END} tells the recording thread to finish. */
    private record Recorded(List<TransferState> rows, List<SyncedStateCatalog.Entry> synced) {
    }

    private static final Recorded END = new Recorded(List.of(), List.of());

    private final MirrorRunContext run;
    private final PendingTransferReader reader;
    private final LinkedBlockingQueue<Recorded> queue = new LinkedBlockingQueue<>();
    private ExecutorService recorder;

    TransferredFileWriter(MirrorRunContext run, PendingTransferReader reader) {
        this.run = run;
        this.reader = reader;
    }

    /** Starts the recording thread, with the transfer step. */
    void open() {
        recorder = Threads.single("filesync-recorder");
        recorder.execute(this::recordUntilEnd);
    }

    @Override
    public void write(Chunk<? extends TransferredFile> chunk) {
        if (chunk.isEmpty()) {
            return; // every file of the chunk failed
        }
        Instant now = Instant.now();
        List<TransferState> rows = chunk.getItems().stream().map(done -> new TransferState(done.row().transferId(),
                TransferStatus.DONE, done.outcome().bytesThisRun(), done.outcome().resumedFrom(), null, null,
                done.outcome().attempts(), done.outcome().replyCode(), done.outcome().message(), done.startedAt(),
                now)).toList();
        List<SyncedStateCatalog.Entry> synced = chunk.getItems().stream().map(done -> new SyncedStateCatalog.Entry(
                done.file().path(), done.file().size(), done.file().source().modified())).toList();
        queue.add(new Recorded(rows, synced));
        chunk.getItems().forEach(done -> run.progress.fileFinished(done.file().path(), true, null));
    }

    /** Records what is still queued, then ends the recording thread; with the transfer step. */
    void close() {
        queue.add(END);
        recorder.shutdown();
        try {
            if (!recorder.awaitTermination(CLOSE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("job {} run {}: the last transferred files were not recorded within {} s; the next run "
                        + "adopts them from the target", run.job.name(), run.runId, CLOSE_TIMEOUT.toSeconds());
                recorder.shutdownNow();
            }
        } catch (InterruptedException e) {
            recorder.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void recordUntilEnd() {
        List<Recorded> batch = new ArrayList<>();
        try {
            long lastCommit = System.nanoTime() - COMMIT_SPACING_NANOS;
            boolean end = false;
            while (!end) {
                // what arrives until the next commit is due, or until the end, which need not wait
                Recorded next = queue.take();
                long due = lastCommit + COMMIT_SPACING_NANOS;
                while (next != null && next != END) { // by identity: an empty chunk equals END
                    batch.add(next);
                    long wait = due - System.nanoTime();
                    next = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
                }
                end = next == END;
                lastCommit = System.nanoTime();
                record(batch);
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the files are in place; without their rows the next run adopts them from the target
            log.debug("job {} run {}: recording transferred files failed", run.job.name(), run.runId, e);
            String reason = FailureMessages.ofRootCause(e).lines().findFirst().orElse("");
            reader.close("could not record transferred files: " + reason);
        }
    }

    private void record(List<Recorded> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<TransferState> rows = new ArrayList<>();
        List<SyncedStateCatalog.Entry> synced = new ArrayList<>();
        batch.forEach(recorded -> {
            rows.addAll(recorded.rows());
            synced.addAll(recorded.synced());
        });
        run.transactions.executeWithoutResult(status -> {
            run.transferLog.update(rows);
            run.catalog.record(run.job.name(), synced);
        });
    }
}
