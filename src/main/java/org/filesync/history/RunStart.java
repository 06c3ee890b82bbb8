package org.filesync.history;

/**
 * A registered run.
 *
 * @param resumes the failed or stopped run this one continues, or null
 * @param resumedExecution the Spring Batch job execution of {@code resumes}, whose job instance this
 *        run restarts; null when it starts a new one
 */
public record RunStart(long runId, Long resumes, Long resumedExecution) {
}
