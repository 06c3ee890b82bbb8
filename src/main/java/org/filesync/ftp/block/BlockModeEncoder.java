package org.filesync.ftp.block;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one file as a block-mode stream (RFC 959 §3.4.2): data in blocks of up to 65,535 bytes, a
 * restart marker block every {@code markerInterval} data bytes, and a closing empty EOF block. Each
 * block leaves in one write, header and bytes together.
 * <p>
 * The markers {@link #copy} sends are this client's: the absolute byte offset in the file, in
 * decimal ({@link #clientMarker(long)}). RFC 959 §3.5 leaves their form to the sender, so the
 * server treats them as opaque and only echoes them in its {@code 110 MARK ssss = mmmm} replies.
 */
public final class BlockModeEncoder {

    private static final Logger log = LoggerFactory.getLogger(BlockModeEncoder.class);

    private final OutputStream out;
    private final byte[] block = new byte[BlockHeader.LENGTH + BlockHeader.MAX_COUNT];

    public BlockModeEncoder(OutputStream out) {
        this.out = out;
    }

    /** The marker this client sends for the position {@code offset} bytes into the file. */
    public static String clientMarker(long offset) {
        return Long.toString(offset);
    }

    /**
     * Sends {@code source} from its current position to its end, then the EOF block.
     *
     * @param startOffset the file offset of the source's current position (what the markers count from)
     * @param markerInterval data bytes between markers; 0 or less for none
     * @param listener told of every data block and, after it is sent, every marker
     */
    public EncodedStream copy(ReadableByteChannel source, long startOffset, long markerInterval,
                              BlockStreamListener listener) throws IOException {
        long interval = markerInterval > 0 ? markerInterval : Long.MAX_VALUE;
        ByteBuffer payload = ByteBuffer.wrap(block);
        long dataBytes = 0;
        long sinceMarker = 0;
        int markers = 0;
        boolean endOfSource = false;
        while (!endOfSource) {
            int wanted = (int) Math.min(BlockHeader.MAX_COUNT, interval - sinceMarker);
            payload.limit(BlockHeader.LENGTH + wanted).position(BlockHeader.LENGTH);
            while (payload.hasRemaining()) {
                if (source.read(payload) < 0) {
                    endOfSource = true;
                    break;
                }
            }
            int count = payload.position() - BlockHeader.LENGTH;
            if (count > 0) {
                new BlockHeader(0, count).encode(block, 0);
                out.write(block, 0, BlockHeader.LENGTH + count);
                dataBytes += count;
                sinceMarker += count;
                listener.data(count, dataBytes);
            }
            if (sinceMarker == interval) {
                String marker = clientMarker(startOffset + dataBytes);
                writeRestartMarker(marker);
                markers++;
                sinceMarker = 0;
                listener.restartMarker(marker, dataBytes);
            }
        }
        writeEndOfFile();
        return new EncodedStream(dataBytes, markers);
    }

    /** Sends a restart marker block and flushes, so the receiver can confirm it promptly. */
    public void writeRestartMarker(String marker) throws IOException {
        byte[] text = marker.getBytes(StandardCharsets.US_ASCII);
        if (text.length == 0 || text.length > BlockHeader.MAX_COUNT || !marker.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("a restart marker is 1-65535 printable characters without spaces: '" + marker + "'");
        }
        byte[] markerBlock = new byte[BlockHeader.LENGTH + text.length];
        new BlockHeader(BlockHeader.RESTART_MARKER, text.length).encode(markerBlock, 0);
        System.arraycopy(text, 0, markerBlock, BlockHeader.LENGTH, text.length);
        out.write(markerBlock);
        out.flush();
        log.debug("sent restart marker {}", marker);
    }

    /** Sends the empty EOF block and flushes. */
    public void writeEndOfFile() throws IOException {
        byte[] header = new byte[BlockHeader.LENGTH];
        new BlockHeader(BlockHeader.END_OF_FILE, 0).encode(header, 0);
        out.write(header);
        out.flush();
    }
}
