package org.filesync.mirror;

/**
 * The run was asked to stop while a file was moving. Thrown from the transfer's progress callback,
 * right after the progress was reported, so the transport unwinds at once: the data connection is
 * closed, the session is dropped, and the partial file keeps what arrived for the next run to resume.
 */
public final class TransferStoppedException extends RuntimeException {

    public TransferStoppedException(String path) {
        super("stop requested during the transfer of " + path, null, false, false);
    }
}
