package org.filesync.schedule;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.filesync.history.ActionLog;
import org.filesync.history.ActionRecord;
import org.filesync.history.Database;
import org.filesync.history.JobAction;
import org.filesync.history.RunHistory;
import org.filesync.history.RunRecord;
import org.filesync.history.RunRegistry;
import org.filesync.history.RunStatus;
import org.filesync.jobs.JobDefinition;
import org.quartz.JobDataMap;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an operator can do to jobs and runs: run a job now, pause and resume its schedule, stop a
 * running run. Each goes through what every node shares (Quartz's JDBC job store, the run's row),
 * so it holds across a cluster and for runs of {@code filesync run} in other processes; each is
 * recorded in the action log with who did it.
 */
public final class JobControl {

    private static final Logger log = LoggerFactory.getLogger(JobControl.class);

    private final Scheduler scheduler;
    private final TriggerSync triggers;
    private final Function<String, Optional<JobDefinition>> jobs;
    private final RunHistory history;
    private final RunRegistry runs;
    private final ActionLog actions;

    JobControl(Scheduler scheduler, TriggerSync triggers, Function<String, Optional<JobDefinition>> jobs,
               Database database) {
        this.scheduler = scheduler;
        this.triggers = triggers;
        this.jobs = jobs;
        this.history = new RunHistory(database.jdbc());
        this.runs = new RunRegistry(database.dataSource());
        this.actions = new ActionLog(database.jdbc());
    }

    /**
     * Fires the job through the scheduler, so that one node of a cluster runs it, as a manual run
     * naming {@code actor}. A fire that finds the job running is recorded SKIPPED, as a scheduled
     * one is.
     */
    public ActionRecord runNow(String job, String actor) {
        JobDefinition definition = known(job);
        try {
            triggers.store(definition);
            scheduler.triggerJob(JobTriggers.jobKey(job), new JobDataMap(Map.of(JobTriggers.STARTED_BY, actor)));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot fire job " + job + ": " + e.getMessage(), e);
        }
        log.info("job {}: run now, by {}", job, actor);
        return actions.append(actor, JobAction.RUN_NOW, job, null, null);
    }

    /** Pauses the job's schedule on every node: its trigger fires no more until it is resumed. */
    public ActionRecord pause(String job, String actor) {
        JobDefinition definition = scheduled(job, "pause");
        try {
            triggers.store(definition);
            scheduler.pauseJob(JobTriggers.jobKey(job));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot pause job " + job + ": " + e.getMessage(), e);
        }
        log.info("job {}: schedule paused by {}", job, actor);
        return actions.append(actor, JobAction.PAUSE, job, null, null);
    }

    /** Resumes the job's schedule; a fire missed while paused is handled by the job's {@code misfire} key. */
    public ActionRecord resume(String job, String actor) {
        JobDefinition definition = scheduled(job, "resume");
        try {
            triggers.store(definition);
            scheduler.resumeJob(JobTriggers.jobKey(job));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot resume job " + job + ": " + e.getMessage(), e);
        }
        log.info("job {}: schedule resumed by {}", job, actor);
        return actions.append(actor, JobAction.RESUME, job, null, null);
    }

    /**
     * Asks a running run to stop, whichever process runs it: that process stops it at a safe point
     * within its heartbeat interval, recorded STOPPED, and the job's next run resumes it.
     */
    public ActionRecord stop(long runId, String actor) {
        RunRecord run = history.run(runId).orElseThrow(() -> new ActionRefusedException(
                ActionRefusedException.Reason.UNKNOWN, "no run with id " + runId));
        if (run.status() != RunStatus.RUNNING || !runs.requestStop(runId, actor)) {
            RunStatus now = history.run(runId).map(RunRecord::status).orElse(run.status());
            throw new ActionRefusedException(ActionRefusedException.Reason.CONFLICT,
                    "run " + runId + " of job " + run.job() + " is not running: it ended " + now);
        }
        log.info("job {} run {}: stop requested by {}", run.job(), runId, actor);
        return actions.append(actor, JobAction.STOP, run.job(), runId, null);
    }

    private JobDefinition known(String job) {
        return jobs.apply(job).orElseThrow(() -> new ActionRefusedException(ActionRefusedException.Reason.UNKNOWN,
                "no job named " + job));
    }

    private JobDefinition scheduled(String job, String action) {
        JobDefinition definition = known(job);
        if (!definition.isScheduled()) {
            throw new ActionRefusedException(ActionRefusedException.Reason.CONFLICT,
                    "cannot " + action + " job " + job + ": it has no schedule");
        }
        return definition;
    }
}
