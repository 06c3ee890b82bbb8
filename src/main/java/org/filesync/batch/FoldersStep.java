package org.filesync.batch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.filesync.ftp.FtpException;
import org.filesync.ftp.FailureMessages;
import org.filesync.history.TransferLog.NewTransfer;
import org.filesync.mirror.UnsafeLocalPathException;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * Makes the target's root and the folders it lacks, before any file goes there. A folder that
 * cannot be made is a FAILED row of its own; a root that cannot be made fails the run.
 */
final class FoldersStep implements Tasklet {

    private final MirrorRunContext run;

    FoldersStep(MirrorRunContext run) {
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
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
                chunkContext.getStepContext().getStepExecution().setTerminateOnly();
                break;
            }
            try {
                run.direction.createDirectory(folder);
            } catch (FtpException | IOException | UnsafeLocalPathException e) {
                if (run.stop.isRequested()) {
                    continue; // the stop closed the session under it: not the folder's failure
                }
                failedFolders.add(run.failedPath(folder, "create folder", "create the folder", e));
            }
        }
        run.transferLog.insert(run.runId, run.directionName(), failedFolders);
        return RepeatStatus.FINISHED;
    }
}
