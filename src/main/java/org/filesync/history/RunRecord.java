package org.filesync.history;

import java.time.Instant;

/**
 * One run of a job: the RUN object of the JSON contract, field for field.
 *
 * @param trigger {@code schedule} or {@code manual}
 * @param resumes the run id of the failed or stopped run this one continues, else {@code null}
 * @param startedBy who started a manual run (a console user, or {@code cli:} and the operating system user), else {@code null}
 * @param warning what the operator should know of a run that went on regardless
 *     ("server limited connections to 2"), else {@code null}
 */
public record RunRecord(
        long runId,
        String job,
        RunStatus status,
        Instant startedAt,
        Instant finishedAt,
        String trigger,
        int filesTransferred,
        int filesSkipped,
        int filesFailed,
        int filesDeleted,
        long bytesTransferred,
        String error,
        Long resumes,
        Instant fireTime,
        String node,
        String startedBy,
        String warning) {
}
