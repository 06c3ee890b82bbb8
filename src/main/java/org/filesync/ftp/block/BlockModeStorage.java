package org.filesync.ftp.block;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import org.filesync.ftp.RestartPoint;

/**
 * The data side of one block-mode STOR attempt: sends the local file from the resume point as
 * blocks with a restart marker every {@code markerInterval} bytes, then the EOF block. The server
 * answers each marker on the control connection with {@code 110 MARK ssss = mmmm}; those replies go
 * into the {@link MarkReplyTracker}, whose {@link MarkReplyTracker#confirmed()} is where a later
 * attempt resumes (RFC 959 §3.5).
 */
public final class BlockModeStorage {

    private final long markerInterval;
    private final BlockStreamListener blocks;

    /**
     * @param markerInterval data bytes between the restart markers sent; 0 for none
     * @param blocks told of every data block once it is sent, on the sending thread (throttling, progress)
     */
    public BlockModeStorage(long markerInterval, BlockStreamListener blocks) {
        if (markerInterval < 0) {
            throw new IllegalArgumentException("negative marker interval");
        }
        this.markerInterval = markerInterval;
        this.blocks = blocks;
    }

    /**
     * Sends {@code source} from its position to its end, then the EOF block, and flushes. Does not
     * close {@code data}: the caller closes the data connection, then reads the 110 replies still
     * pending and the final reply.
     *
     * @param source the local file, positioned at {@code from.offset()}
     * @param from where this attempt starts: {@link RestartPoint#START}, or a point the tracker of an
     *        earlier attempt confirmed, whose server marker was just sent in {@code REST} and answered 350
     * @param data the data connection's output stream, opened after 150/125 to STOR
     * @param tracker this attempt's tracker, created with {@code from}; fed the 110 replies by whoever
     *        reads the control connection
     */
    public BlockTransfer store(FileChannel source, RestartPoint from, OutputStream data, MarkReplyTracker tracker)
            throws IOException {
        BlockTransfer.requireAt(source, from);
        BlockStreamListener tracking = BlockStreamListener.withMarkers(blocks,
                (marker, dataBytesBefore) -> tracker.markerSent(from.offset() + dataBytesBefore));
        EncodedStream sent = new BlockModeEncoder(data).copy(source, from.offset(), markerInterval, tracking);
        return new BlockTransfer(sent.dataBytes(), tracker.confirmed());
    }
}
