package org.filesync.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.filesync.history.Database;
import org.filesync.history.NodeIdentity;
import org.filesync.history.RunHistory;
import org.filesync.history.RunRecord;
import org.filesync.history.RunRegistry;
import org.filesync.jobs.JobDefinition;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;

/** The state of jobs: next fire time and pause from the scheduler's triggers, last run, running now. */
final class JobStatuses {

    private JobStatuses() {
    }

    static List<JobStatus> read(Collection<JobDefinition> jobs, Scheduler scheduler, Database database) {
        Map<String, RunRecord> lastRuns = new RunHistory(database.jdbc()).lastRunOfEachJob();
        Set<String> running = new RunRegistry(database.dataSource()).runningJobs(NodeIdentity.current(null));
        Instant now = Instant.now();
        try {
            List<JobStatus> statuses = new ArrayList<>();
            for (JobDefinition job : jobs.stream().sorted(Comparator.comparing(JobDefinition::name)).toList()) {
                TriggerKey key = JobTriggers.triggerKey(job.name());
                Trigger trigger = job.isScheduled() ? scheduler.getTrigger(key) : null;
                boolean paused = trigger != null && scheduler.getTriggerState(key) == Trigger.TriggerState.PAUSED;
                Instant next = paused ? null : nextFireTime(job, trigger, now);
                statuses.add(JobStatus.of(job, next, lastRuns.get(job.name()), running.contains(job.name()), paused));
            }
            return statuses;
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot read the jobs' triggers: " + e.getMessage(), e);
        }
    }

    /**
     * The trigger's next fire time when it fires as the job file says and that time is still ahead
     * (or within the misfire threshold); else the one the job file's cron expression gives.
     */
    private static Instant nextFireTime(JobDefinition job, Trigger trigger, Instant now) {
        Date stored = trigger == null ? null : trigger.getNextFireTime();
        if (trigger instanceof CronTrigger cron && JobTriggers.matches(cron, job) && stored != null
                && stored.toInstant().isAfter(now.minusMillis(SchedulerBuilder.MISFIRE_THRESHOLD_MILLIS))) {
            return stored.toInstant();
        }
        return job.nextFireTime(now).orElse(null);
    }
}
