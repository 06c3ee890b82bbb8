package org.filesync.history;

/** The per-run totals the history shows, counted from the run's transfer rows. */
public record RunCounters(int filesTransferred, int filesSkipped, int filesFailed, int filesDeleted,
                          long bytesTransferred) {
}
