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
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the scheduler's jobs and triggers follow the jobs folder, comparing with what Quartz's
 * tables hold (not with memory), so that a restart keeps unchanged triggers with their next fire
 * time and their misfires. A file that turned invalid keeps its job's trigger and last valid
 * definition; a file that is gone takes its job's trigger with it.
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
            if (now != null && now.isScheduled()) {
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
            log.info("job {} unscheduled: {}", name, now == null ? "its job file is gone" : "it has no schedule any more");
        }

        for (JobDefinition job : valid.values()) {
            if (job.isScheduled()) {
                schedule(job);
            }
        }
        Map<String, JobDefinition> current = new HashMap<>(kept);
        current.putAll(valid);
        definitions.replaceAll(current);
        return scheduler.getJobKeys(GroupMatcher.jobGroupEquals(JobTriggers.GROUP)).size();
    }

    private void schedule(JobDefinition job) throws SchedulerException {
        Trigger stored = scheduler.getTrigger(JobTriggers.triggerKey(job.name()));
        if (stored instanceof CronTrigger cron && JobTriggers.matches(cron, job)) {
            JobDetail detail = scheduler.getJobDetail(JobTriggers.jobKey(job.name()));
            if (detail == null || !JobTriggers.fileName(job).equals(detail.getJobDataMap().getString(JobTriggers.FILE))) {
                scheduler.addJob(JobTriggers.detail(job), true, true);
            }
            return;
        }
        CronTrigger trigger = JobTriggers.trigger(job);
        scheduler.scheduleJob(JobTriggers.detail(job), Set.of(trigger), true);
        Trigger scheduled = scheduler.getTrigger(trigger.getKey());
        Instant next = scheduled == null || scheduled.getNextFireTime() == null ? null
                : scheduled.getNextFireTime().toInstant();
        log.info("job {} {}: \"{}\" in {}, next fire {}", job.name(), stored == null ? "scheduled" : "rescheduled",
                job.schedule(), job.timezone().getId(), next);
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
