package org.filesync.history;

/**
 * A registered run.
 *
 * @param resumes the failed or stopped run this one continues, or null
 * @param instanceKey the Spring Batch job instance to launch or restart
 */
public record RunStart(long runId, Long resumes, long instanceKey) {
}
