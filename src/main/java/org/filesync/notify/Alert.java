package org.filesync.notify;

import org.filesync.history.RunRecord;
import org.filesync.jobs.NotifyEvent;

/** What one alert says: which event, about which run, from which node. */
record Alert(NotifyEvent event, RunRecord run, String node) {
}
