package org.filesync.batch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.filesync.ftp.FtpException;
import org.filesync.history.TransferLog.NewTransfer;
import org.filesync.history.TransferStatus;
import org.filesync.mirror.UnsafeLocalPathException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * With {@code delete: true}, removes target files and folders that vanished from the source —
 * only when both listings were complete, no more than the job's delete limit, and only inside the job's root.
 */
final class DeleteStep implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(DeleteStep.class);

    private final MirrorRunContext run;

    DeleteStep(MirrorRunContext run) {
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (!run.job.delete()) {
            return RepeatStatus.FINISHED;
        }
        if (!run.plan.listingProblems().isEmpty()) {
            log.warn("job {} run {}: nothing deleted, the listing was incomplete: {}", run.job.name(),
                    run.runId, run.plan.listingProblems().get(0));
            return RepeatStatus.FINISHED;
        }
        if (run.plan.deletesRefused() != null) {
            log.warn("job {} run {}: {}", run.job.name(), run.runId, run.plan.deletesRefused());
            return RepeatStatus.FINISHED;
        }
        List<NewTransfer> rows = new ArrayList<>();
        List<String> forgotten = new ArrayList<>();
        for (String path : run.plan.filesToDelete()) {
            if (run.stop.isRequested()) {
                return stopped(chunkContext, rows, forgotten);
            }
            try {
                run.direction.deleteFile(path);
                rows.add(new NewTransfer(path, TransferStatus.DELETED, -1, null, "vanished from the source", null));
                forgotten.add(path);
            } catch (FtpException | IOException | UnsafeLocalPathException e) {
                if (run.stop.isRequested()) {
                    return stopped(chunkContext, rows, forgotten); // the stop closed the session under it
                }
                rows.add(run.failedPath(path, "delete", "delete", e));
            }
        }
        for (String folder : run.plan.directoriesToDelete()) {
            if (run.stop.isRequested()) {
                return stopped(chunkContext, rows, forgotten);
            }
            try {
                run.direction.deleteDirectory(folder);
            } catch (FtpException | IOException | UnsafeLocalPathException e) {
                if (run.stop.isRequested()) {
                    return stopped(chunkContext, rows, forgotten);
                }
                rows.add(run.failedPath(folder, "delete folder", "delete the folder", e));
            }
        }
        record(rows, forgotten);
        return RepeatStatus.FINISHED;
    }

    /**
     * A stop ends the deletes at the next path, rather than letting them fail one by one on the
     * sessions the stop closed: what was deleted is recorded, and the run ends STOPPED.
     */
    private RepeatStatus stopped(ChunkContext chunkContext, List<NewTransfer> rows, List<String> forgotten) {
        record(rows, forgotten);
        chunkContext.getStepContext().getStepExecution().setTerminateOnly();
        return RepeatStatus.FINISHED;
    }

    private void record(List<NewTransfer> rows, List<String> forgotten) {
        run.transferLog.insert(run.runId, run.directionName(), rows);
        run.catalog.forget(run.job.name(), forgotten);
    }
}
