package org.filesync.ftp;

/** RFC 959 transmission mode used for file transfers. */
public enum TransferMode {
    STREAM, BLOCK
}
