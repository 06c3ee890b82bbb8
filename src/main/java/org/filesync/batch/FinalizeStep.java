package org.filesync.batch;

import java.io.IOException;
import org.filesync.ftp.FailureMessages;
import org.filesync.ftp.FtpException;
import org.filesync.history.RunCounters;
import org.filesync.history.RunStatus;
import org.filesync.mirror.UnlistedFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * Closes the run row with its counters: COMPLETED only when no file failed and every folder was
 * listed. A run without failed files leaves no partial file behind.
 */
final class FinalizeStep implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(FinalizeStep.class);

    private final MirrorRunContext run;

    FinalizeStep(MirrorRunContext run) {
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        int unfinished = run.transferLog.failUnfinished(run.runId, "not transferred: the run ended before this file");
        if (unfinished > 0) {
            log.warn("job {} run {}: {} file(s) were left unfinished", run.job.name(), run.runId, unfinished);
        }
        RunCounters counters = run.transferLog.counters(run.runId);
        String error = run.plan.unlisted().isEmpty() ? run.plan.deletesRefused()
                : UnlistedFolder.describe(run.plan.unlisted());
        if (counters.filesFailed() == 0) {
            try {
                run.direction.removeLeftoverPartials();
            } catch (IOException | FtpException e) {
                // A partial file left behind breaks the promise of a clean target after exit 0.
                error = "cannot remove leftover partial files: " + FailureMessages.of(e);
            }
        }
        RunStatus status = counters.filesFailed() == 0 && error == null ? RunStatus.COMPLETED
                : RunStatus.COMPLETED_WITH_ERRORS;
        run.runs.finish(run.runId, status, counters, error);
        return RepeatStatus.FINISHED;
    }
}
