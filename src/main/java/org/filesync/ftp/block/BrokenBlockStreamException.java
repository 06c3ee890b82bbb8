package org.filesync.ftp.block;

/**
 * The data connection ended before an EOF block: in block mode that is a broken transfer, never a
 * complete file (RFC 959 §3.3: block mode does not use the close to mark the end).
 */
public final class BrokenBlockStreamException extends BlockStreamException {

    public BrokenBlockStreamException(String message, long dataBytes) {
        super(message, dataBytes);
    }
}
