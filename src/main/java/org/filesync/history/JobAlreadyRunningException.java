package org.filesync.history;

/** The job has a live run already: a job never runs twice at once. */
public final class JobAlreadyRunningException extends Exception {

    private final long runId;

    public JobAlreadyRunningException(String job, long runId, String node) {
        super("job " + job + " is already running as run " + runId + " on " + node);
        this.runId = runId;
    }

    public long runId() {
        return runId;
    }
}
