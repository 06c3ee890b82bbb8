package org.filesync.notify;

import org.filesync.history.RunRecord;
import org.filesync.jobs.NotifyEvent;

/**
 * What one alert says: which event, of which job, about which run, from which node.
 *
 * @param run the run that ended; for a deadline, the job's latest run, null when it has none
 * @param missed the deadline a deadline alert is about; null for the other events
 */
record Alert(NotifyEvent event, String job, RunRecord run, String node, DueFire missed) {

    /** The alert of a run that ended, from the node that ran it. */
    static Alert ofRun(NotifyEvent event, RunRecord run) {
        return new Alert(event, run.job(), run, run.node(), null);
    }

    /** For the log and the history: {@code deadline alert of job nightly (run 42)}. */
    String describe() {
        return event.key() + " alert of job " + job + (run == null ? "" : " run " + run.runId());
    }
}
