package org.filesync.batch;

/** Ends a run as a whole: its message becomes the run's {@code error} in the history. */
final class RunFailedException extends RuntimeException {

    RunFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
