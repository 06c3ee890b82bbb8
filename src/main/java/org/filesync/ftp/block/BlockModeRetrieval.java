package org.filesync.ftp.block;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import org.filesync.ftp.RestartPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data side of one block-mode RETR attempt: decodes the server's stream into the local file and
 * remembers the last restart marker the server put in it, with the byte offset it stands for. That
 * pair is the {@link RestartPoint} a later attempt sends as {@code REST <marker>} (RFC 959 §3.5).
 */
public final class BlockModeRetrieval {

    private static final Logger log = LoggerFactory.getLogger(BlockModeRetrieval.class);

    private final BlockStreamListener blocks;
    private volatile RestartPoint confirmed = RestartPoint.START;

    /** @param blocks told of the data as it arrives, on the receiving thread (throttling, progress) */
    public BlockModeRetrieval(BlockStreamListener blocks) {
        this.blocks = blocks;
    }

    /**
     * Reads the file's blocks from {@code data} up to the EOF block and writes them to
     * {@code target}. Returns at the EOF block without waiting for the server to close the data
     * connection; the caller closes it and reads the final reply (226 or 250).
     *
     * @param data the data connection's input stream, opened after 150/125 to RETR
     * @param target the local file, positioned at {@code from.offset()} with nothing needed after it
     * @param from where this attempt starts: {@link RestartPoint#START}, or the point whose marker
     *        was just sent in {@code REST} and answered 350
     * @throws BrokenBlockStreamException the connection ended before the EOF block; {@link #confirmed()}
     *         says where to resume
     * @throws MalformedBlockStreamException the server is not sending block mode
     */
    public BlockTransfer retrieve(InputStream data, FileChannel target, RestartPoint from) throws IOException {
        BlockTransfer.requireAt(target, from);
        confirmed = from;
        BlockStreamListener tracking = BlockStreamListener.withMarkers(blocks, (marker, dataBytesBefore) -> {
            confirmed = new RestartPoint(from.offset() + dataBytesBefore, marker);
            log.debug("server marker {} stands for byte {}", marker, confirmed.offset());
        });
        DecodedStream decoded;
        try {
            decoded = new BlockModeDecoder(data).decode(target, tracking);
        } catch (BlockStreamException e) {
            throw withRestartContext(e, from, confirmed);
        }
        if (decoded.suspectBytes() > 0) {
            log.debug("{} bytes arrived flagged as suspect by the server", decoded.suspectBytes());
        }
        return new BlockTransfer(decoded.dataBytes(), confirmed);
    }

    /** The last marker seen with the offset it stands for, or the start point until one arrives. Valid after a failure. */
    public RestartPoint confirmed() {
        return confirmed;
    }

    private static BlockStreamException withRestartContext(BlockStreamException e, RestartPoint from, RestartPoint confirmed) {
        String message = "RETR in block mode from byte " + from.offset() + ": " + e.getMessage() + "; resumable from byte "
                + confirmed.offset() + (confirmed.marker() == null ? " (no restart marker yet)" : " (marker " + confirmed.marker() + ")");
        BlockStreamException wrapped = e instanceof MalformedBlockStreamException
                ? new MalformedBlockStreamException(message, e.dataBytes())
                : new BrokenBlockStreamException(message, e.dataBytes());
        wrapped.initCause(e);
        return wrapped;
    }
}
