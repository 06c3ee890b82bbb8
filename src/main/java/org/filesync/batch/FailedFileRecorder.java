package org.filesync.batch;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.filesync.ftp.RestartPoint;
import org.filesync.history.TransferLog.Pending;
import org.filesync.history.TransferLog.TransferState;
import org.filesync.history.TransferStatus;
import org.filesync.mirror.FileTransferFailure;
import org.filesync.mirror.TransferOutcome;
import org.filesync.mirror.TransientTransferFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.SkipListener;
import org.springframework.batch.core.step.skip.SkipPolicy;

/**
 * The transfer step's skips: a file whose failure is permanent, or transient with its retries
 * spent, is skipped and recorded here as a FAILED row with its reply code, message and the restart
 * point it reached (for the next run to resume from). {@code maxFailures} is the skip limit: at the
 * limit the reader hands out no more files, the files in flight end as they may, and the step fails
 * with "too many failed files".
 */
final class FailedFileRecorder implements SkipListener<Pending, TransferredFile>, SkipPolicy {

    private static final Logger log = LoggerFactory.getLogger(FailedFileRecorder.class);

    private final MirrorRunContext run;
    private final ProgressCheckpoints checkpoints;
    private final FileTransferProcessor processor;
    private final PendingTransferReader reader;
    private final AtomicInteger failed = new AtomicInteger();

    FailedFileRecorder(MirrorRunContext run, ProgressCheckpoints checkpoints, FileTransferProcessor processor,
                       PendingTransferReader reader) {
        this.run = run;
        this.checkpoints = checkpoints;
        this.processor = processor;
        this.reader = reader;
    }

    @Override
    public boolean shouldSkip(Throwable failure, long skipCount) {
        return failure instanceof FileTransferFailure;
    }

    @Override
    public void onSkipInProcess(Pending row, Throwable failure) {
        FileTransferFailure given = (FileTransferFailure) failure;
        String message = given instanceof TransientTransferFailure
                ? "gave up after " + given.attempts() + " attempts: " + given.getMessage() : given.getMessage();
        TransferOutcome outcome = given.outcome(message);
        processor.forget(row.path());
        ProgressCheckpoints.Ended ended = checkpoints.finish(row.path(), outcome.bytesThisRun());
        RestartPoint reached = ended.confirmed();
        run.transferLog.update(List.of(new TransferState(row.transferId(), TransferStatus.FAILED, outcome.bytesThisRun(),
                outcome.resumedFrom(), reached.marker(), reached.marker() == null ? null : reached.offset(),
                outcome.attempts(), outcome.replyCode(), message, ended.startedAt(), Instant.now())));
        log.info("job {} run {}: {} failed: {}", run.job.name(), run.runId, row.path(), message);
        run.progress.fileFinished(row.path(), false, message);
        int failures = failed.incrementAndGet();
        if (run.job.maxFailures() > 0 && failures >= run.job.maxFailures()) {
            reader.close("too many failed files (" + failures + ")");
        }
    }
}
