package org.filesync.schedule;

import java.util.Map;
import java.util.Optional;
import org.filesync.jobs.JobDefinition;

/**
 * The job definitions fires run with, by name: the valid ones from the last load of the jobs
 * folder, plus the last valid one of each file that has broken since. Quartz's tables hold only
 * names, so passwords stay in the job files and in memory.
 */
final class ScheduledJobs {

    private volatile Map<String, JobDefinition> byName = Map.of();

    Optional<JobDefinition> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    Map<String, JobDefinition> all() {
        return byName;
    }

    void replaceAll(Map<String, JobDefinition> definitions) {
        byName = Map.copyOf(definitions);
    }
}
