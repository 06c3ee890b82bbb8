package org.filesync.schedule;

import java.time.Instant;
import java.util.Locale;
import org.filesync.history.RunRecord;
import org.filesync.jobs.JobDefinition;

/**
 * One job as {@code jobs --json} and the dashboard show it: never with a password.
 *
 * @param nextFireTime null for a job without a schedule, and for a paused one
 * @param running whether a run of it is running now, on any node or process
 * @param paused whether its schedule is paused
 */
public record JobStatus(
        String name,
        String description,
        String direction,
        String remote,
        String local,
        String schedule,
        String timezone,
        Instant nextFireTime,
        RunRecord lastRun,
        boolean running,
        boolean paused) {

    static JobStatus of(JobDefinition job, Instant nextFireTime, RunRecord lastRun, boolean running, boolean paused) {
        return new JobStatus(job.name(), job.description(), job.direction().name().toLowerCase(Locale.ROOT),
                job.remote().displayUrl(), job.localPath().toString(), job.schedule(), job.timezone().getId(),
                nextFireTime, lastRun, running, paused);
    }
}
