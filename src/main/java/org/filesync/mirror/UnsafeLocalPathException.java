package org.filesync.mirror;

/** A path that the safety rules forbid: it is recorded as a failed entry and nothing is touched. */
public final class UnsafeLocalPathException extends Exception {

    public UnsafeLocalPathException(String message) {
        super(message);
    }
}
