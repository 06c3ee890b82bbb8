package org.filesync.schedule;

import java.util.TimeZone;
import org.filesync.jobs.JobDefinition;
import org.filesync.jobs.MisfirePolicy;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * The Quartz side of a job file: a durable JobDetail that asks for recovery (a node that dies
 * mid-run has its fire re-run elsewhere), for every valid job so that any can be run now through
 * the scheduler, and a CronTrigger in the job's time zone for a job with a schedule.
 */
final class JobTriggers {

    static final String GROUP = "filesync";
    /** Job data: the job file's name, so that a file that turns invalid keeps its trigger. Nothing else. */
    static final String FILE = "file";
    /** Data of a "run now" fire (Quartz's triggerJob): who asked for it. */
    static final String STARTED_BY = "startedBy";

    private JobTriggers() {
    }

    static JobKey jobKey(String job) {
        return JobKey.jobKey(job, GROUP);
    }

    static TriggerKey triggerKey(String job) {
        return TriggerKey.triggerKey(job, GROUP);
    }

    static JobDetail detail(JobDefinition job) {
        return JobBuilder.newJob(ScheduledRun.class)
                .withIdentity(jobKey(job.name()))
                .storeDurably()
                .requestRecovery()
                .usingJobData(FILE, fileName(job))
                .build();
    }

    static CronTrigger trigger(JobDefinition job) {
        CronScheduleBuilder schedule = CronScheduleBuilder.cronSchedule(job.schedule())
                .inTimeZone(TimeZone.getTimeZone(job.timezone()));
        schedule = job.misfire() == MisfirePolicy.RUN
                ? schedule.withMisfireHandlingInstructionFireAndProceed()
                : schedule.withMisfireHandlingInstructionDoNothing();
        return TriggerBuilder.newTrigger()
                .withIdentity(triggerKey(job.name()))
                .forJob(jobKey(job.name()))
                .withSchedule(schedule)
                .build();
    }

    /** Whether {@code stored} fires as the job file says: then it stays, and so does its next fire time. */
    static boolean matches(CronTrigger stored, JobDefinition job) {
        CronTrigger wanted = trigger(job);
        return stored.getCronExpression().equals(wanted.getCronExpression())
                && stored.getTimeZone().getID().equals(wanted.getTimeZone().getID())
                && stored.getMisfireInstruction() == wanted.getMisfireInstruction();
    }

    static String fileName(JobDefinition job) {
        return job.sourceFile().getFileName().toString();
    }
}
