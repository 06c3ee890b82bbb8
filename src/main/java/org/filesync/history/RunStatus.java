package org.filesync.history;

/** The state of one run of a job, as the history shows it. */
public enum RunStatus {
    RUNNING, COMPLETED, COMPLETED_WITH_ERRORS, FAILED, STOPPED, SKIPPED
}
