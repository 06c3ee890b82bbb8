package org.filesync.mirror;

import org.filesync.ftp.RestartPoint;

/**
 * What the attempts at one file so far have come to: each attempt is one call of
 * {@link FileTransfer#attempt}, and the next one (a retry after a transient failure) starts from
 * here. The caller keeps one per file until the file is done or given up.
 */
public final class TransferAttempts {

    int count;
    /** Bytes moved over the wire in this run, all attempts together. */
    long bytes;
    long resumedFrom;
    /** The furthest point an attempt confirmed the target holds. */
    RestartPoint confirmed = RestartPoint.START;
    /** Where the next attempt starts; null to look it up first (after a broken attempt). */
    RestartPoint from;
    boolean leftoverChecked;
    boolean partialMayExist;
    /** The source as it was after it changed during an attempt; null while it is as planned. */
    PlannedFile changedSource;
    /** Why the file is sent whole although it may have been resumed, for its history row. */
    String restartNote;

    /** The file as the attempts fetch it: as planned, or as it was found after it changed during an attempt. */
    public PlannedFile current(PlannedFile planned) {
        return changedSource != null ? changedSource : planned;
    }

    public int count() {
        return count;
    }

    public long bytes() {
        return bytes;
    }

    public long resumedFrom() {
        return resumedFrom;
    }

    public RestartPoint confirmed() {
        return confirmed;
    }

    FileTransferFailure failed(boolean transientFailure, Integer replyCode, String message) {
        return transientFailure ? new TransientTransferFailure(this, replyCode, message)
                : new PermanentTransferFailure(this, replyCode, message);
    }
}
