package org.filesync.history;

import java.time.Instant;

/**
 * One recorded action: who did what to which job, and when.
 *
 * @param actor the console user's name, or {@code cli:} and the operating system user
 * @param runId the run it concerns (the run stopped), else {@code null}
 */
public record ActionRecord(Instant at, String actor, JobAction action, String job, Long runId, String detail) {
}
