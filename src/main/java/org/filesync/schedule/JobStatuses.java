package org.filesync.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.filesync.history.Database;
import org.filesync.history.NodeIdentity;
import org.filesync.history.RunHistory;
import org.filesync.history.RunRegistry;
import org.filesync.history.RunRecord;
import org.filesync.jobs.JobCatalog;

/** The state of every job of a catalog: next fire time as the scheduler holds it, last run, running now. */
public final class JobStatuses {

    private JobStatuses() {
    }

    public static List<JobStatus> read(JobCatalog catalog, Database database) {
        Map<String, RunRecord> lastRuns = new RunHistory(database.jdbc()).lastRunOfEachJob();
        StoredSchedules schedules = StoredSchedules.read(database.jdbc());
        Set<String> running = new RunRegistry(database.dataSource()).runningJobs(NodeIdentity.current(null));
        Instant now = Instant.now();
        return catalog.jobs().stream()
                .map(job -> JobStatus.of(job, schedules.nextFireTime(job, now).orElse(null), lastRuns.get(job.name()),
                        running.contains(job.name())))
                .toList();
    }
}
