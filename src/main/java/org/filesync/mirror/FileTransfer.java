package org.filesync.mirror;

/** Moves one planned file from the source side to the target side, resuming and retrying as it must. */
public interface FileTransfer {

    TransferOutcome transfer(PlannedFile file, WorkerSession session) throws InterruptedException;
}
