package org.filesync.mirror;

/** A path that the safety rules forbid: it is recorded as a failed entry and nothing is touched. */
public final class UnsafePathException extends Exception {

    public UnsafePathException(String message) {
        super(message);
    }
}
