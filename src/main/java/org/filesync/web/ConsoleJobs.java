package org.filesync.web;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.filesync.history.Database;
import org.filesync.jobs.JobCatalog;
import org.filesync.jobs.JobDefinition;
import org.filesync.jobs.JobFileError;
import org.filesync.schedule.JobStatus;
import org.filesync.schedule.JobStatuses;
import org.filesync.schedule.SchedulerNode;

/**
 * Where the console reads its jobs from, and only here: the jobs folder (read again on every
 * request) for the jobs and their files' errors, and the scheduler for the definition it still
 * holds of a job whose file has since broken. The scheduler's own read model can take its place.
 */
final class ConsoleJobs {

    private final Database database;
    private final Path jobsDirectory;
    private final SchedulerNode scheduler;

    ConsoleJobs(Database database, Path jobsDirectory, SchedulerNode scheduler) {
        this.database = database;
        this.jobsDirectory = jobsDirectory;
        this.scheduler = scheduler;
    }

    List<JobStatus> statuses() {
        return JobStatuses.read(JobCatalog.load(jobsDirectory), database);
    }

    /** The job as loaded, with its status (null while its file is broken) and its file's errors; empty when no such job is known. */
    Optional<ConsoleJob> job(String name) {
        JobCatalog catalog = JobCatalog.load(jobsDirectory);
        Optional<JobDefinition> definition = catalog.find(name)
                .or(() -> scheduler.jobs().stream().filter(job -> job.name().equals(name)).findFirst());
        return definition.map(job -> new ConsoleJob(job,
                JobStatuses.read(catalog, database).stream().filter(status -> status.name().equals(name)).findFirst().orElse(null),
                catalog.errors().stream().filter(error -> sameFile(error.file(), job.sourceFile())).toList()));
    }

    private static boolean sameFile(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    record ConsoleJob(JobDefinition definition, JobStatus status, List<JobFileError> errors) {
    }
}
