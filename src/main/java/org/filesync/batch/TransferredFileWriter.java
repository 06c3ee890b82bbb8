package org.filesync.batch;

import java.time.Instant;
import java.util.List;
import org.filesync.history.SyncedStateCatalog;
import org.filesync.history.TransferLog.TransferState;
import org.filesync.history.TransferStatus;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ItemWriter;

/** Records a chunk's transferred files: their DONE rows and their catalog entries, in one transaction. */
final class TransferredFileWriter implements ItemWriter<TransferredFile> {

    private final MirrorRunContext run;

    TransferredFileWriter(MirrorRunContext run) {
        this.run = run;
    }

    @Override
    public void write(Chunk<? extends TransferredFile> chunk) {
        Instant now = Instant.now();
        List<TransferState> rows = chunk.getItems().stream().map(done -> new TransferState(done.row().transferId(),
                TransferStatus.DONE, done.outcome().bytesThisRun(), done.outcome().resumedFrom(), null, null,
                done.outcome().attempts(), done.outcome().replyCode(), done.outcome().message(), done.startedAt(),
                now)).toList();
        List<SyncedStateCatalog.Entry> synced = chunk.getItems().stream().map(done -> new SyncedStateCatalog.Entry(
                done.file().path(), done.file().size(), done.file().source().modified())).toList();
        run.transactions.executeWithoutResult(status -> {
            run.transferLog.update(rows);
            run.catalog.record(run.job.name(), synced);
        });
        chunk.getItems().forEach(done -> run.progress.fileFinished(done.file().path(), true, null));
    }
}
