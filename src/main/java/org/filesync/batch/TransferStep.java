package org.filesync.batch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.filesync.ftp.FtpException;
import org.filesync.ftp.FailureMessages;
import org.filesync.ftp.RestartPoint;
import org.filesync.history.TransferLog.NewTransfer;
import org.filesync.mirror.ResumeHint;
import org.filesync.mirror.RetryPolicy;
import org.filesync.mirror.SyncState;
import org.filesync.mirror.TransferWorkers;
import org.filesync.mirror.UnsafeLocalPathException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * Creates the folders (one that cannot be made is a FAILED row of its own), then transfers the
 * planned files with the job's parallel workers. A file that already has a partial file may
 * resume from it (see the mirror's ResumableTransfer); the history offers the last unfinished
 * row of the file as a hint.
 */
final class TransferStep implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(TransferStep.class);

    private final MirrorRunContext run;

    TransferStep(MirrorRunContext run) {
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws InterruptedException {
        try {
            run.direction.prepareTarget();
        } catch (FtpException e) {
            throw new RunFailedException("cannot create the target folder: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new RunFailedException("cannot create the target folder: " + FailureMessages.of(e), e);
        }
        List<NewTransfer> failedFolders = new ArrayList<>();
        for (String folder : run.plan.directoriesToCreate()) {
            if (run.stop.isRequested()) {
                break; // the workers below see it too, and the run ends STOPPED
            }
            try {
                run.direction.createDirectory(folder);
            } catch (FtpException | IOException | UnsafeLocalPathException e) {
                if (run.stop.isRequested()) {
                    break; // the stop closed the session under it: not the folder's failure
                }
                failedFolders.add(run.failedPath(folder, "create folder", "create the folder", e));
            }
        }
        if (!failedFolders.isEmpty()) {
            run.transferLog.insert(run.runId, run.directionName(), failedFolders);
        }
        TransferWorkers.Summary summary;
        try (TransferJournal journal = new TransferJournal(run.job.name(), run.runId, run.transferIds, run.transferLog,
                run.catalog, run.transactions, run.progress)) {
            TransferWorkers workers = new TransferWorkers(run.sessions, run.job.parallel(),
                    run.direction.fileTransfer(journal, RetryPolicy.of(run.job.retries()), run.job.verify(), this::resumeHint,
                            run.stop),
                    run.job.maxFailures(), run.stop);
            long start = System.nanoTime();
            summary = workers.run(run.plan.transfers());
            log.debug("job {} run {}: {} done, {} failed in {} ms", run.job.name(), run.runId, summary.done(),
                    summary.failed(), (System.nanoTime() - start) / 1_000_000);
        } catch (FtpException e) {
            throw new RunFailedException(e.getMessage(), e);
        }
        if (summary.stopReason() != null && run.stop.isRequested()) {
            // Spring Batch's own stop: step and job end STOPPED (restartable), not failed with an error logged.
            chunkContext.getStepContext().getStepExecution().setTerminateOnly();
            return RepeatStatus.FINISHED;
        }
        if (summary.stopReason() != null) {
            throw new RunFailedException(summary.stopReason(), null);
        }
        return RepeatStatus.FINISHED;
    }

    private Optional<ResumeHint> resumeHint(String path) {
        return run.transferLog.lastUnfinished(run.job.name(), path, run.runId).map(row -> new ResumeHint(
                new SyncState(row.size(), row.sourceModified()),
                row.restartMarker() != null && row.markerOffset() != null
                        ? new RestartPoint(row.markerOffset(), row.restartMarker())
                        : RestartPoint.START));
    }
}
