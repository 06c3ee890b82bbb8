package org.filesync.ftp;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.channels.FileChannel;
import org.filesync.ftp.block.BlockModeInputStream;
import org.filesync.ftp.block.BlockModeRetrieval;
import org.filesync.ftp.block.BlockModeStorage;
import org.filesync.ftp.block.BlockStreamListener;
import org.filesync.ftp.block.BlockTransfer;
import org.filesync.ftp.block.MalformedBlockStreamException;
import org.filesync.ftp.block.MarkReplyTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MODE B (RFC 959 §3.4.2): file data travels as headed blocks with restart markers, through the
 * {@code block} package's codec, and a transfer restarts at the server's marker (§3.5): the last one
 * in the RETR stream, or the {@code mmmm} of the last {@code 110 MARK ssss = mmmm} reply to STOR.
 * Once the server has accepted {@code MODE B}, every data transfer of the session is in block mode,
 * listings included.
 */
final class BlockModeTransfer implements DataTransfer {

    private static final Logger log = LoggerFactory.getLogger(BlockModeTransfer.class);

    private final ControlChannel control;
    private final long markerInterval;

    /** @param markerInterval STOR: data bytes between the restart markers this client sends */
    BlockModeTransfer(ControlChannel control, long markerInterval) {
        this.control = control;
        this.markerInterval = markerInterval;
    }

    /**
     * The server's marker when there is one. Without one (a transfer broken before the first
     * marker, or a point taken from the partial file's size) a byte offset, which some block-mode
     * servers accept; the others refuse it and the transfer starts over.
     */
    @Override
    public String restartArgument(RestartPoint from) {
        if (from.marker() != null) {
            return from.marker();
        }
        return from.offset() > 0 ? Long.toString(from.offset()) : null;
    }

    @Override
    public RestartPoint restartedAt(RestartPoint from) {
        return from;
    }

    /**
     * STOR from the start: APPE continues at the end of what the server holds, which may run past
     * the last marker it confirmed (the bytes after a marker are not promised kept).
     */
    @Override
    public String storeCommandIfRestartRefused() {
        return "STOR";
    }

    /**
     * Decodes up to the EOF block and returns without waiting for the server to close the data
     * connection, which it may keep open (250, RFC 959 §3.2). A connection that ends before the EOF
     * block is a broken transfer, never the end of the file (§3.3).
     */
    @Override
    public long receive(Socket data, FileChannel target, RestartPoint start, TransferProgress progress) throws IOException {
        var retrieval = new BlockModeRetrieval(movedThrough(progress));
        progress.confirmedBy(retrieval::confirmed);
        BlockTransfer done;
        try {
            done = retrieval.retrieve(data.getInputStream(), target, start);
        } catch (MalformedBlockStreamException e) {
            // Bytes that are not block mode (a server that accepted MODE B and streams anyway) were
            // decoded as if they were: keep nothing past the last marker, or a resume from the
            // partial file's size would build on them.
            target.truncate(retrieval.confirmed().offset());
            throw e;
        }
        log.debug("{}: RETR in block mode moved {} bytes; last marker {}", control.endpoint(), done.bytesTransferred(),
                done.confirmed());
        return done.bytesTransferred();
    }

    /**
     * Sends the file as blocks with a marker every {@code markerInterval} bytes and the EOF block,
     * while the server's {@code 110 MARK} replies are read as they come (RFC 959 §4.2).
     */
    @Override
    public long send(FileChannel source, Socket data, RestartPoint start, TransferProgress progress) throws IOException {
        var tracker = new MarkReplyTracker(start);
        progress.confirmedBy(tracker::confirmed);
        control.readRepliesDuringTransfer("STOR", reply -> {
            if (!tracker.accept(reply.code() + " " + reply.text())) {
                log.debug("{}: preliminary reply during STOR ignored: {} {}", control.endpoint(), reply.code(), reply.text());
            }
        });
        var storage = new BlockModeStorage(markerInterval, movedThrough(progress));
        BlockTransfer sent = storage.store(source, start, data.getOutputStream(), tracker);
        // The EOF block ended the file; closing now spares a server that waits for the close, and ends TLS cleanly.
        data.close();
        return sent.bytesTransferred();
    }

    /**
     * Listings are decoded as blocks rather than fetched after {@code MODE S} and {@code MODE B}
     * again: no extra round trips per folder, no window in which a refused mode switch leaves the
     * session in the wrong mode, and the EOF block tells a whole listing from a cut one, which
     * stream mode cannot (a listing cut short would look like files deleted on the server).
     */
    @Override
    public InputStream listing(Socket data) throws IOException {
        return new BlockModeInputStream(data.getInputStream());
    }

    /** Block-mode data is throttled, counted and kept alive for as stream-mode data is. */
    private static BlockStreamListener movedThrough(TransferProgress progress) {
        return new BlockStreamListener() {
            @Override
            public void data(int bytes, long dataBytes) throws IOException {
                progress.moved(bytes);
            }
        };
    }
}
