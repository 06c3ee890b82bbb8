package org.filesync.ftp;

/** What asking a server for a file's checksum came to. */
public sealed interface ChecksumAnswer {

    /** The server computed the file's checksum. */
    record Computed(Checksum checksum) implements ChecksumAnswer {
    }

    /**
     * There is nothing to compare: the server offers no checksum command filesync can use, or it
     * refused each one it offers for this file.
     *
     * @param reason which, for the history, e.g. "the server refused HASH (550 Permission denied)"
     */
    record Unavailable(String reason) implements ChecksumAnswer {
    }
}
