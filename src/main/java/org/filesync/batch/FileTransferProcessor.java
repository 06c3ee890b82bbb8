package org.filesync.batch;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.filesync.ftp.FailureMessages;
import org.filesync.ftp.FtpException;
import org.filesync.history.TransferLog.Pending;
import org.filesync.mirror.FileTransfer;
import org.filesync.mirror.FileTransferFailure;
import org.filesync.mirror.PlannedFile;
import org.filesync.mirror.TransferAttempts;
import org.filesync.mirror.TransferOutcome;
import org.filesync.mirror.TransferStoppedException;
import org.filesync.mirror.TransientTransferFailure;
import org.filesync.mirror.WorkerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.item.ItemProcessor;

/**
 * Moves one file per call, with byte-level resume: one attempt each time Spring Batch calls it, so
 * that a {@link TransientTransferFailure} is retried by the step's retry policy (the next call
 * resumes from what the target holds) and any other failure is skipped into a FAILED row. A file
 * the run no longer wants (stopping, or too many failures) is filtered: its row stays unfinished.
 */
final class FileTransferProcessor implements ItemProcessor<Pending, TransferredFile> {

    private static final Logger log = LoggerFactory.getLogger(FileTransferProcessor.class);

    private final MirrorRunContext run;
    private final TransferSessions sessions;
    private final ProgressCheckpoints checkpoints;
    private final PendingTransferReader reader;
    private final Map<String, TransferAttempts> attempts = new ConcurrentHashMap<>();
    private volatile Map<String, PlannedFile> planned;
    private volatile FileTransfer transfer;

    FileTransferProcessor(MirrorRunContext run, TransferSessions sessions, ProgressCheckpoints checkpoints,
                          PendingTransferReader reader) {
        this.run = run;
        this.sessions = sessions;
        this.checkpoints = checkpoints;
        this.reader = reader;
    }

    /** At the start of the step: the plan is made by then, and what the listing found left over with it. */
    void begin(FileTransfer transfer) {
        this.planned = run.plan.transfersByPath();
        this.transfer = transfer;
    }

    @Override
    public TransferredFile process(Pending row) throws FileTransferFailure, InterruptedException {
        PlannedFile file = planned.get(row.path());
        if (file == null) {
            throw new IllegalStateException("the run's plan has no transfer of " + row.path());
        }
        TransferAttempts tried = attempts.computeIfAbsent(row.path(), path -> new TransferAttempts());
        if (run.stop.isRequested() || reader.closedBecause() != null) {
            return leftUnfinished(file, tried);
        }
        WorkerSession session;
        try {
            session = sessions.acquire();
        } catch (FtpException e) {
            reader.close("cannot open an FTP session: " + FailureMessages.of(e));
            return leftUnfinished(file, tried);
        }
        checkpoints.track(row.path(), row.transferId());
        try {
            TransferOutcome outcome = transfer.attempt(file, session, tried);
            attempts.remove(row.path());
            // the catalog records the version fetched, which differs from the listed one when the source changed meanwhile
            return new TransferredFile(row, tried.current(file), outcome,
                    checkpoints.finish(row.path(), outcome.bytesThisRun()).startedAt());
        } catch (TransferStoppedException e) {
            attempts.remove(row.path()); // its progress is recorded, its partial file stays
            return null;
        } catch (TransientTransferFailure e) {
            log.debug("{}: attempt {} failed ({})", row.path(), e.attempts(), e.getMessage());
            throw e;
        }
    }

    /** A file that will not be attempted again in this run: what earlier attempts got is recorded. */
    private TransferredFile leftUnfinished(PlannedFile file, TransferAttempts tried) {
        attempts.remove(file.path());
        if (tried.count() > 0) {
            checkpoints.stopped(file, tried.bytes(), tried.confirmed());
        }
        return null;
    }

    /** Forgets the attempts of a file given up. */
    void forget(String path) {
        attempts.remove(path);
    }
}
