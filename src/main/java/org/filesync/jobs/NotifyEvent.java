package org.filesync.jobs;

/** What a job's alerts can be sent for ({@code notify.on}). */
public enum NotifyEvent {
    /** A run ended FAILED or COMPLETED_WITH_ERRORS, or a fire was SKIPPED because the job was still running. */
    FAILURE,
    /** The first COMPLETED run after a failure. */
    RECOVERY,
    /** Every COMPLETED run. */
    SUCCESS,
    /** No COMPLETED run answered a fire by the job's {@code deadline}; checked by {@code serve} only. */
    DEADLINE;

    /** The name used in files, JSON and the history. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
