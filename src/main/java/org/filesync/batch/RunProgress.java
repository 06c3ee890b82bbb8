package org.filesync.batch;

import org.filesync.history.RunRecord;

/** What a person watching a run sees: called from worker threads, so implementations must be thread-safe. */
public interface RunProgress {

    RunProgress NONE = new RunProgress() { };

    /** The run is registered under {@code runId}; nothing is planned yet. */
    default void began(long runId) {
    }

    default void planned(int files, long bytes) {
    }

    default void bytesMoved(long delta) {
    }

    /** An attempt at a file of {@code size} bytes (-1: unknown) starts at {@code offset}, resumed or 0. */
    default void fileStarted(String path, long size, long offset) {
    }

    /** How far a file in flight got: the target holds {@code offset} bytes of it. Called every MiB or so, not per chunk. */
    default void fileAt(String path, long offset) {
    }

    default void fileFinished(String path, boolean succeeded, String message) {
    }

    /** The run is closed, as {@code run} says. */
    default void ended(RunRecord run) {
    }
}
