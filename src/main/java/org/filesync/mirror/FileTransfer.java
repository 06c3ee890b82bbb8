package org.filesync.mirror;

/**
 * Moves one planned file from the source side to the target side, one attempt per call. Whoever
 * calls it decides whether and when to try again after a {@link TransientTransferFailure}: the
 * next call with the same {@link TransferAttempts} resumes from what the target holds.
 */
public interface FileTransfer {

    /**
     * @throws TransferStoppedException when the run is stopping: the file stays unfinished, its
     *         progress recorded and its partial file kept for the next run
     */
    TransferOutcome attempt(PlannedFile file, WorkerSession session, TransferAttempts attempts)
            throws FileTransferFailure, InterruptedException;
}
