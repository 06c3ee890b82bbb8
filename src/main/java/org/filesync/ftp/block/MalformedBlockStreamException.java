package org.filesync.ftp.block;

/**
 * Bytes that cannot be block mode: a descriptor with unassigned bits, or a restart marker that is
 * not printable text. Typically a server that accepted MODE B but sends stream mode anyway.
 */
public final class MalformedBlockStreamException extends BlockStreamException {

    public MalformedBlockStreamException(String message, long dataBytes) {
        super(message, dataBytes);
    }
}
