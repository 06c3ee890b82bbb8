package org.filesync.web;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.filesync.history.Database;
import org.filesync.jobs.JobCatalog;
import org.filesync.jobs.JobDefinition;
import org.filesync.jobs.JobFileError;
import org.filesync.jobs.JobFolderWatcher;
import org.filesync.schedule.JobStatus;
import org.filesync.schedule.JobStatuses;
import org.filesync.schedule.SchedulerNode;

/**
 * Where the console reads its jobs from, and only here: the jobs folder for the jobs and their
 * files' errors, and the scheduler for the definition it still holds of a job whose file has since
 * broken. The scheduler's own read model can take its place.
 */
final class ConsoleJobs {

    private final Database database;
    private final SchedulerNode scheduler;
    private final JobFolderWatcher folder;
    private JobCatalog catalog;

    ConsoleJobs(Database database, Path jobsDirectory, SchedulerNode scheduler) {
        this.database = database;
        this.scheduler = scheduler;
        this.folder = new JobFolderWatcher(jobsDirectory, System::getenv);
        this.catalog = folder.load();
    }

    List<JobStatus> statuses() {
        return JobStatuses.read(catalog(), database);
    }

    /** The names of the jobs in the folder, sorted. */
    List<String> names() {
        return catalog().jobs().stream().map(JobDefinition::name).sorted().toList();
    }

    /** Parsed again only when a job file changed: parsing a folder of them took longer than the rest of a page. */
    private synchronized JobCatalog catalog() {
        folder.reloadIfChanged().ifPresent(reloaded -> catalog = reloaded);
        return catalog;
    }

    /** The job as loaded, with its status (null while its file is broken) and its file's errors; empty when no such job is known. */
    Optional<ConsoleJob> job(String name) {
        JobCatalog catalog = catalog();
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
