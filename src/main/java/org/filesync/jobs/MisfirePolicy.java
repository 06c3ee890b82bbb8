package org.filesync.jobs;

/** What happens to a scheduled fire that was missed while filesync was down. */
public enum MisfirePolicy {
    /** Run the missed fire once at start-up. */
    RUN,
    /** Forget the missed fire; wait for the next one. */
    SKIP
}
