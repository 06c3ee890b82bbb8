package org.filesync.ftp.block;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads block headers and the bytes behind them, and nothing more: it never reads past the block
 * it is in, so it never waits on a data connection the server keeps open after the EOF block
 * (RFC 959 §3.2: closing is the server's option after a 226 or 250).
 */
public final class BlockReader {

    private final InputStream in;
    private final byte[] headerBytes = new byte[BlockHeader.LENGTH];
    private BlockHeader current;
    private int remaining;
    private long dataBytes;
    private boolean endOfFile;

    public BlockReader(InputStream in) {
        this.in = in;
    }

    /**
     * The next block's header. Call only when the previous block has been read to its end and was
     * not the EOF block.
     */
    public BlockHeader nextHeader() throws IOException {
        if (remaining > 0 || endOfFile) {
            throw new IllegalStateException(endOfFile ? "the EOF block has been read" : remaining + " bytes left in the block");
        }
        int read = in.readNBytes(headerBytes, 0, BlockHeader.LENGTH);
        if (read < BlockHeader.LENGTH) {
            throw new BrokenBlockStreamException("data connection closed before the EOF block after " + dataBytes
                    + " data bytes" + (read > 0 ? " (inside a block header)" : ""), dataBytes);
        }
        BlockHeader header = BlockHeader.decode(headerBytes, 0);
        if (header.unassignedBits() != 0) {
            throw new MalformedBlockStreamException(String.format(
                    "block descriptor 0x%02x has bits RFC 959 does not assign, after %d data bytes; is the peer really in MODE B?",
                    header.descriptor(), dataBytes), dataBytes);
        }
        current = header;
        remaining = header.count();
        endOfFile = header.isEndOfFile() && remaining == 0;
        return header;
    }

    /**
     * Up to {@code length} bytes of the current data block (at least one while any remain, blocking
     * until they arrive); 0 when the block is used up.
     */
    public int readData(byte[] buffer, int offset, int length) throws IOException {
        if (current != null && current.isRestartMarker()) {
            throw new IllegalStateException("the current block is a restart marker; use readMarker()");
        }
        int wanted = Math.min(length, remaining);
        if (wanted == 0) {
            return 0;
        }
        int read = in.read(buffer, offset, wanted);
        if (read < 0) {
            throw truncated();
        }
        consumed(read);
        dataBytes += read;
        return read;
    }

    /** The current block's bytes as a restart marker: printable NVT-ASCII without spaces (RFC 959 §3.4.2). */
    public String readMarker() throws IOException {
        if (current == null || !current.isRestartMarker()) {
            throw new IllegalStateException("the current block is not a restart marker");
        }
        byte[] marker = in.readNBytes(remaining);
        if (marker.length < remaining) {
            throw truncated();
        }
        consumed(marker.length);
        for (byte b : marker) {
            if (b < 0x21 || b > 0x7E) {
                throw new MalformedBlockStreamException(String.format(
                        "restart marker after %d data bytes contains byte 0x%02x; markers are printable text without spaces",
                        dataBytes, b & 0xFF), dataBytes);
            }
        }
        return new String(marker, StandardCharsets.US_ASCII);
    }

    /** Data bytes read so far; restart markers are not data. */
    public long dataBytes() {
        return dataBytes;
    }

    /** True once the block carrying the EOF bit has been read to its end. */
    public boolean isEndOfFile() {
        return endOfFile;
    }

    private void consumed(int bytes) {
        remaining -= bytes;
        if (remaining == 0 && current.isEndOfFile()) {
            endOfFile = true;
        }
    }

    private BrokenBlockStreamException truncated() {
        return new BrokenBlockStreamException("data connection closed before the EOF block after " + dataBytes
                + " data bytes (" + remaining + " of a " + current.count() + "-byte block missing)", dataBytes);
    }
}
