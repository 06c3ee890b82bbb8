package org.filesync.web;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.filesync.jobs.JobDefinition;
import org.filesync.jobs.JobFileError;
import org.filesync.schedule.JobStatus;
import org.filesync.schedule.SchedulerNode;

/**
 * Where the console reads its jobs from, and only here: the live scheduler of {@code serve}, which
 * holds the catalog it loaded (and the older definition of a job whose file has since broken), its
 * files' errors, and each trigger's state. Nothing here parses the jobs folder or reads Quartz's tables.
 */
final class ConsoleJobs {

    private final SchedulerNode scheduler;

    ConsoleJobs(SchedulerNode scheduler) {
        this.scheduler = scheduler;
    }

    List<JobStatus> statuses() {
        return scheduler.jobStatuses();
    }

    /** The names of the jobs this node holds, sorted. */
    List<String> names() {
        return statuses().stream().map(JobStatus::name).sorted().toList();
    }

    /** The job as loaded, with its status and its file's errors; empty when no such job is known. */
    Optional<ConsoleJob> job(String name) {
        return scheduler.job(name).map(job -> new ConsoleJob(job,
                statuses().stream().filter(status -> status.name().equals(name)).findFirst().orElse(null),
                scheduler.jobFileErrors().stream().filter(error -> sameFile(error.file(), job.sourceFile())).toList()));
    }

    private static boolean sameFile(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    record ConsoleJob(JobDefinition definition, JobStatus status, List<JobFileError> errors) {
    }
}
