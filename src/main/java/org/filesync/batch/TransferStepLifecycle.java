package org.filesync.batch;

import java.util.function.Supplier;
import org.filesync.mirror.FileTransfer;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;

/**
 * Begins and ends the transfer step's resources with the step, and turns the reader closing early
 * into the step's outcome: a stop requested ends it STOPPED at the next chunk boundary (Spring
 * Batch's own stop, restartable); too many failures, or no session at all, end it FAILED with the
 * run's error, as one line.
 */
final class TransferStepLifecycle implements StepExecutionListener {

    private final MirrorRunContext run;
    private final PendingTransferReader reader;
    private final FileTransferProcessor processor;
    private final TransferredFileWriter writer;
    private final TransferSessions sessions;
    private final ProgressCheckpoints checkpoints;
    private final Supplier<FileTransfer> transfers;

    /** @param transfers makes the direction's file transfer once the plan is made */
    TransferStepLifecycle(MirrorRunContext run, PendingTransferReader reader, FileTransferProcessor processor,
                          TransferredFileWriter writer, TransferSessions sessions, ProgressCheckpoints checkpoints,
                          Supplier<FileTransfer> transfers) {
        this.run = run;
        this.reader = reader;
        this.processor = processor;
        this.writer = writer;
        this.sessions = sessions;
        this.checkpoints = checkpoints;
        this.transfers = transfers;
    }

    @Override
    public void beforeStep(StepExecution step) {
        processor.begin(transfers.get());
        checkpoints.open();
        writer.open();
        run.stop.whenRequested(step::setTerminateOnly);
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        writer.close();
        checkpoints.close();
        sessions.close();
        String reason = reader.closedBecause();
        if (reason == null || run.stop.isRequested() || step.getStatus() != BatchStatus.COMPLETED) {
            return null;
        }
        step.addFailureException(new RunFailedException(reason, null));
        step.setStatus(BatchStatus.FAILED);
        return ExitStatus.FAILED.addExitDescription(reason);
    }
}
