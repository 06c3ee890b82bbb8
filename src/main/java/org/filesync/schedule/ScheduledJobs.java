package org.filesync.schedule;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.filesync.jobs.JobDefinition;
import org.filesync.jobs.JobFileError;

/**
 * The job definitions fires run with, by name: the valid ones from the last load of the jobs
 * folder, plus the last valid one of each file that has broken since, and the files' errors.
 * Quartz's tables hold only names, so passwords stay in the job files and in memory.
 */
final class ScheduledJobs {

    private record Loaded(Map<String, JobDefinition> byName, List<JobFileError> errors) {
    }

    private volatile Loaded loaded = new Loaded(Map.of(), List.of());

    Optional<JobDefinition> find(String name) {
        return Optional.ofNullable(loaded.byName().get(name));
    }

    Map<String, JobDefinition> all() {
        return loaded.byName();
    }

    /** The errors of the job files at the last load: a broken file whose older definition still runs among them. */
    List<JobFileError> errors() {
        return loaded.errors();
    }

    void replaceAll(Map<String, JobDefinition> definitions, List<JobFileError> errors) {
        loaded = new Loaded(Map.copyOf(definitions), List.copyOf(errors));
    }
}
