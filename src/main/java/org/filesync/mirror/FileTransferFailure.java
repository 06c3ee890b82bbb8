package org.filesync.mirror;

/**
 * One attempt at a file failed. {@link TransientTransferFailure} may succeed when tried again,
 * resuming from what the target holds; {@link PermanentTransferFailure} will not.
 */
public abstract sealed class FileTransferFailure extends Exception
        permits TransientTransferFailure, PermanentTransferFailure {

    private final int attempts;
    private final long bytes;
    private final long resumedFrom;
    private final Integer replyCode;

    FileTransferFailure(TransferAttempts attempts, Integer replyCode, String message) {
        super(message, null, false, false);
        this.attempts = attempts.count;
        this.bytes = attempts.bytes;
        this.resumedFrom = attempts.resumedFrom;
        this.replyCode = replyCode;
    }

    /** The file's outcome if this failure is the last: {@code message} is what its history says. */
    public TransferOutcome outcome(String message) {
        return new TransferOutcome(false, bytes, resumedFrom, attempts, replyCode, message);
    }

    public int attempts() {
        return attempts;
    }
}
