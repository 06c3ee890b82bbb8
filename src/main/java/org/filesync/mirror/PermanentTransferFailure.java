package org.filesync.mirror;

/** A 5yz reply, a verification mismatch, an unsafe name, a local error: trying again cannot help. */
public final class PermanentTransferFailure extends FileTransferFailure {

    PermanentTransferFailure(TransferAttempts attempts, Integer replyCode, String message) {
        super(attempts, replyCode, message);
    }
}
