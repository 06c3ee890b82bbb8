package org.filesync.notify;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.filesync.jobs.JobDefinition;

/** What deadline alerts need to know of the scheduler: which jobs it fires, and since when. */
public interface FiredJobs {

    /** The scheduled jobs' current definitions. */
    Collection<JobDefinition> jobs();

    /** Since when the job's trigger fires it on its present schedule; empty when it has no trigger. */
    Optional<Instant> scheduledSince(String job);
}
