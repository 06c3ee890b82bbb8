package org.filesync.batch;

/** What a person watching a run sees: called from worker threads, so implementations must be thread-safe. */
public interface RunProgress {

    RunProgress NONE = new RunProgress() { };

    default void planned(int files, long bytes) {
    }

    default void bytesMoved(long delta) {
    }

    default void fileFinished(String path, boolean succeeded, String message) {
    }
}
