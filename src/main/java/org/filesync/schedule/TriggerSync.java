package org.filesync.schedule;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.filesync.jobs.JobCatalog;
import org.filesync.jobs.JobDefinition;
import org.filesync.jobs.JobFileError;
import org.quartz.CronTrigger;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the scheduler's jobs and triggers follow the jobs folder, comparing with what Quartz's
 * tables hold (not with memory), so that a restart keeps unchanged triggers with their next fire
 * time, their misfires and their pause. A file that turned invalid keeps its job's trigger and
 * last valid definition; a file that is gone takes its job with it.
 */
final class TriggerSync {

    private static final Logger log = LoggerFactory.getLogger(TriggerSync.class);

    private final Scheduler scheduler;
    private final ScheduledJobs definitions;
    private Set<String> reportedErrors = Set.of();

    TriggerSync(Scheduler scheduler, ScheduledJobs definitions) {
        this.scheduler = scheduler;
        this.definitions = definitions;
    }

    /** @return how many jobs have a trigger now */
    synchronized int apply(JobCatalog catalog) throws SchedulerException {
        report(catalog);
        Set<String> brokenFiles = new HashSet<>();
        boolean folderUnreadable = false;
        for (JobFileError error : catalog.errors()) {
            if (error.file().equals(catalog.directory())) {
                folderUnreadable = true;
            } else {
                brokenFiles.add(error.file().getFileName().toString());
            }
        }
        Map<String, JobDefinition> valid = new HashMap<>();
        catalog.jobs().forEach(job -> valid.put(job.name(), job));
        Map<String, JobDefinition> kept = new HashMap<>();

        for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(JobTriggers.GROUP))) {
            String name = key.getName();
            JobDefinition now = valid.get(name);
            if (now != null) {
                if (!now.isScheduled() && scheduler.unscheduleJob(JobTriggers.triggerKey(name))) {
                    log.info("job {} unscheduled: it has no schedule any more", name);
                }
                continue;
            }
            JobDetail stored = scheduler.getJobDetail(key);
            String file = stored == null ? null : stored.getJobDataMap().getString(JobTriggers.FILE);
            if (now == null && (folderUnreadable || brokenFiles.contains(file))) {
                definitions.find(name).ifPresent(previous -> kept.put(name, previous));
                log.warn("job {} keeps its schedule: {} has errors", name, folderUnreadable ? catalog.directory() : file);
                continue;
            }
            scheduler.deleteJob(key);
            log.info("job {} unscheduled: its job file is gone", name);
        }

        for (JobDefinition job : valid.values()) {
            store(job);
        }
        Map<String, JobDefinition> current = new HashMap<>(kept);
        current.putAll(valid);
        definitions.replaceAll(current, catalog.errors());
        return scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(JobTriggers.GROUP)).size();
    }

    /**
     * Stores the job as its file says, when the scheduler does not hold it so already: its
     * JobDetail (every job has one, so that it can be run now through the scheduler) and, when it
     * has a schedule, its trigger. A trigger that is replaced keeps its pause.
     */
    synchronized void store(JobDefinition job) throws SchedulerException {
        JobDetail detail = scheduler.getJobDetail(JobTriggers.jobKey(job.name()));
        if (detail == null || !JobTriggers.fileName(job).equals(detail.getJobDataMap().getString(JobTriggers.FILE))) {
            scheduler.addJob(JobTriggers.detail(job), true, true);
        }
        if (!job.isScheduled()) {
            return;
        }
        TriggerKey key = JobTriggers.triggerKey(job.name());
        Trigger stored = scheduler.getTrigger(key);
        if (stored instanceof CronTrigger cron && JobTriggers.matches(cron, job)) {
            return;
        }
        boolean paused = stored != null && scheduler.getTriggerState(key) == Trigger.TriggerState.PAUSED;
        CronTrigger trigger = JobTriggers.trigger(job);
        if (stored == null) {
            scheduler.scheduleJob(trigger);
        } else {
            scheduler.rescheduleJob(key, trigger);
        }
        if (paused) {
            // Quartz stores a replacing trigger as waiting to fire, whatever the old one's state
            scheduler.pauseTrigger(key);
        }
        Trigger scheduled = scheduler.getTrigger(key);
        Instant next = scheduled == null || scheduled.getNextFireTime() == null ? null
                : scheduled.getNextFireTime().toInstant();
        log.info("job {} {}: \"{}\" in {}, {}", job.name(), stored == null ? "scheduled" : "rescheduled",
                job.schedule(), job.timezone().getId(), paused ? "paused" : "next fire " + next);
    }

    /** Logs each error once, when it appears, not at every reload. */
    private void report(JobCatalog catalog) {
        Set<String> errors = new LinkedHashSet<>();
        catalog.errors().forEach(error -> errors.add(error.toString()));
        for (String error : errors) {
            if (!reportedErrors.contains(error)) {
                log.warn("{}", error);
            }
        }
        reportedErrors = errors;
    }
}
