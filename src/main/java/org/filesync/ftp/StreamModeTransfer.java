package org.filesync.ftp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * MODE S: the data connection carries the file's bytes and nothing else; the sender closing it
 * marks the end of the file (RFC 959 §3.4.1). Moves large chunks between the socket and the file
 * channel, so no work is done per byte and no file is held in memory.
 */
final class StreamModeTransfer implements DataTransfer {

    static final int CHUNK = 256 * 1024;

    /**
     * One per session, which moves one file at a time: allocating (and zeroing) a fresh chunk for
     * every file cost more CPU than the transfer itself in a tree of many small files.
     */
    private final byte[] buffer = new byte[CHUNK];

    @Override
    public String restartArgument(RestartPoint from) {
        return from.offset() > 0 ? Long.toString(from.offset()) : null;
    }

    /** A marker from an earlier block-mode run means nothing here: the offset is the restart point (RFC 3659 §5). */
    @Override
    public RestartPoint restartedAt(RestartPoint from) {
        return RestartPoint.atOffset(from.offset());
    }

    /** APPE continues the file from its length, which in stream mode is where REST would have gone. */
    @Override
    public String storeCommandIfRestartRefused() {
        return "APPE";
    }

    @Override
    public long receive(Socket data, FileChannel target, RestartPoint start, TransferProgress progress) throws IOException {
        InputStream in = data.getInputStream();
        long total = 0;
        int n;
        // One read per chunk, written before the next read: what arrived before a cut is kept.
        while ((n = in.read(buffer)) >= 0) {
            ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
            while (chunk.hasRemaining()) {
                target.write(chunk);
            }
            total += n;
            progress.moved(n);
        }
        return total;
    }

    @Override
    public long send(FileChannel source, Socket data, RestartPoint start, TransferProgress progress) throws IOException {
        OutputStream out = data.getOutputStream();
        ByteBuffer chunk = ByteBuffer.wrap(buffer);
        long total = 0;
        int n;
        while ((n = source.read(chunk.clear())) > 0) {
            out.write(buffer, 0, n);
            total += n;
            progress.moved(n);
        }
        out.flush();
        // Closing is the end-of-file mark in stream mode; for TLS it also sends close_notify.
        data.close();
        return total;
    }

    @Override
    public InputStream listing(Socket data) throws IOException {
        return data.getInputStream();
    }
}
