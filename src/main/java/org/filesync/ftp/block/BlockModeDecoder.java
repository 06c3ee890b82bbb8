package org.filesync.ftp.block;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes one file's block-mode stream (RFC 959 §3.4.2): data blocks go to a sink, restart markers
 * to a listener, and decoding stops at the EOF bit, whether it rides on the last data block, on a
 * marker block or on an empty block of its own. The decoder never reads past that block, so a server
 * that keeps the data connection open after the transfer (answering 250) does not stall it.
 * <p>
 * Data is gathered into large writes; everything before a marker reaches the sink before the
 * listener hears of the marker, so a marker is a safe restart point the moment it is reported.
 */
public final class BlockModeDecoder {

    private static final Logger log = LoggerFactory.getLogger(BlockModeDecoder.class);
    private static final int WRITE_BUFFER_BYTES = 256 * 1024;

    private final BlockReader reader;

    public BlockModeDecoder(InputStream in) {
        this.reader = new BlockReader(in);
    }

    public DecodedStream decode(OutputStream sink, BlockStreamListener listener) throws IOException {
        return decode(Channels.newChannel(sink), listener);
    }

    /**
     * Reads blocks up to and including the EOF block.
     *
     * @throws BrokenBlockStreamException the stream ended before the EOF block; the data that did
     *         arrive has been written to the sink
     * @throws MalformedBlockStreamException the bytes are not block mode
     */
    public DecodedStream decode(WritableByteChannel sink, BlockStreamListener listener) throws IOException {
        ByteBuffer pending = ByteBuffer.allocate(WRITE_BUFFER_BYTES);
        int markers = 0;
        long suspectBytes = 0;
        try {
            while (!reader.isEndOfFile()) {
                BlockHeader header = reader.nextHeader();
                if (header.descriptor() != 0) {
                    log.debug("block descriptor={} count={} after {} data bytes", header.descriptor(), header.count(), reader.dataBytes());
                }
                if (header.isRestartMarker()) {
                    String marker = reader.readMarker();
                    writeOut(pending, sink);
                    if (marker.isEmpty()) {
                        log.debug("empty restart marker block ignored: REST cannot name it");
                    } else {
                        markers++;
                        listener.restartMarker(marker, reader.dataBytes());
                    }
                    continue;
                }
                if (header.count() > pending.remaining()) {
                    writeOut(pending, sink);
                }
                readBlockInto(pending, header.count(), listener);
                if (header.isSuspect()) {
                    // §3.4.2: suspect data is still data; the flag is informational, not error control.
                    suspectBytes += header.count();
                    log.debug("{} bytes flagged suspect by the sender", header.count());
                }
            }
            writeOut(pending, sink);
        } catch (IOException | RuntimeException e) {
            writeOutAfterFailure(pending, sink, e);
            throw e;
        }
        return new DecodedStream(reader.dataBytes(), markers, suspectBytes);
    }

    /** Tells the listener of every read, not of whole blocks: bytes of a block cut short count as arrived. */
    private void readBlockInto(ByteBuffer pending, int count, BlockStreamListener listener) throws IOException {
        byte[] array = pending.array();
        int end = pending.position() + count;
        int position = pending.position();
        try {
            while (position < end) {
                int read = reader.readData(array, position, end - position);
                position += read;
                listener.data(read, reader.dataBytes());
            }
        } finally {
            pending.position(position);
        }
    }

    private static void writeOut(ByteBuffer pending, WritableByteChannel sink) throws IOException {
        pending.flip();
        while (pending.hasRemaining()) {
            sink.write(pending);
        }
        pending.clear();
    }

    // What arrived before a broken connection is good data: keep it, even though a resume restarts
    // at the last marker, so the partial file shows how far the transfer really got.
    private static void writeOutAfterFailure(ByteBuffer pending, WritableByteChannel sink, Exception failure) {
        try {
            writeOut(pending, sink);
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
