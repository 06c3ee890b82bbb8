package org.filesync.cli;

import java.time.Instant;
import java.util.Locale;
import org.filesync.history.RunRecord;
import org.filesync.jobs.JobDefinition;

/** One job as {@code jobs --json} prints it: never with a password. {@code running}: a live run of it exists. */
record JobView(
        String name,
        String description,
        String direction,
        String remote,
        String local,
        String schedule,
        String timezone,
        Instant nextFireTime,
        RunRecord lastRun,
        boolean running) {

    static JobView of(JobDefinition job, Instant nextFireTime, RunRecord lastRun, boolean running) {
        return new JobView(job.name(), job.description(), job.direction().name().toLowerCase(Locale.ROOT),
                job.remote().displayUrl(), job.localPath().toString(), job.schedule(), job.timezone().getId(),
                nextFireTime, lastRun, running);
    }
}
