package org.filesync.history;

/** The state of one file within a run. */
public enum TransferStatus {
    PENDING, IN_PROGRESS, DONE, SKIPPED, FAILED, DELETED
}
