package org.filesync.ftp.block;

import java.io.IOException;

/**
 * A block-mode data stream that could not be read to its EOF block: either the connection ended
 * early ({@link BrokenBlockStreamException}) or the bytes are not block mode
 * ({@link MalformedBlockStreamException}). Either way the transfer is incomplete and may be resumed
 * from the last restart marker.
 */
public abstract sealed class BlockStreamException extends IOException
        permits BrokenBlockStreamException, MalformedBlockStreamException {

    private final long dataBytes;

    protected BlockStreamException(String message, long dataBytes) {
        super(message);
        this.dataBytes = dataBytes;
    }

    /** Data bytes (restart markers not counted) that arrived before the failure. */
    public long dataBytes() {
        return dataBytes;
    }
}
