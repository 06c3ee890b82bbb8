package org.filesync.history;

import java.time.Instant;
import java.util.List;

/**
 * What a prune removed, or with {@code dryRun} would remove: runs started before {@code cutoff},
 * their file rows and their Spring Batch job executions, in total and per job.
 */
public record PruneReport(Instant cutoff, boolean dryRun, int runs, long transfers, int batchExecutions,
                          List<PrunedJob> jobs) {

    /** One job's share of a prune. */
    public record PrunedJob(String job, int runs, long transfers) {
    }
}
