package org.filesync.schedule;

/** An action that cannot be done as asked: an unknown job or run, or one in the wrong state. Nothing changed. */
public final class ActionRefusedException extends RuntimeException {

    /** Why: the web answers 404 for {@link #UNKNOWN}, 409 for {@link #CONFLICT}. */
    public enum Reason {
        /** No such job or run. */
        UNKNOWN,
        /** The job or run is not in a state the action applies to (a run that ended, a job without a schedule). */
        CONFLICT
    }

    private final Reason reason;

    ActionRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
