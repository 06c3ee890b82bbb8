package org.filesync.mirror;

/** A 4yz reply, a lost connection, a short file, a stall: the next attempt may succeed. */
public final class TransientTransferFailure extends FileTransferFailure {

    TransientTransferFailure(TransferAttempts attempts, Integer replyCode, String message) {
        super(attempts, replyCode, message);
    }
}
