package org.filesync.schedule;

import java.util.List;
import org.filesync.history.Database;
import org.filesync.history.NodeIdentity;
import org.filesync.jobs.JobCatalog;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

/**
 * Quartz's job store in the database, through a scheduler that is never started: for commands
 * that read or change schedules (jobs, pause, resume) whether or not {@code serve} runs, without
 * firing anything and without SQL on Quartz's own tables.
 */
public final class IdleScheduler implements AutoCloseable {

    private final Database database;
    private final Scheduler scheduler;

    private IdleScheduler(Database database, Scheduler scheduler) {
        this.database = database;
        this.scheduler = scheduler;
    }

    public static IdleScheduler open(Database database) {
        try {
            return new IdleScheduler(database, SchedulerBuilder.buildIdle(database, NodeIdentity.current(null)));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot open the scheduler's job store: " + e.getMessage(), e);
        }
    }

    /** The catalog's jobs with their schedules as the job store holds them. */
    public List<JobStatus> statuses(JobCatalog catalog) {
        return JobStatuses.read(catalog.jobs(), scheduler, database);
    }

    /** The actions on the catalog's jobs. */
    public JobControl control(JobCatalog catalog) {
        return new JobControl(scheduler, new TriggerSync(scheduler, new ScheduledJobs()), catalog::find, database);
    }

    @Override
    public void close() {
        try {
            scheduler.shutdown(false);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot close the scheduler's job store: " + e.getMessage(), e);
        }
    }
}
