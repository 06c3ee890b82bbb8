package org.filesync.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.filesync.testing.BlockModeFtpServer.EndOfFile;

/**
 * The server's own block-mode sender, written from RFC 959 §3.4.2 independently of filesync's
 * encoder so the two cannot share a misreading. Markers go at every multiple of the marker interval
 * of the file offset and are named {@code "S" + hex offset}; blocks never cross a marker.
 */
final class ServerBlockWriter {

    static final int EOF = 64;
    static final int MARKER = 16;

    private final OutputStream out;
    private final int blockSize;
    private final EndOfFile endOfFile;
    private long dataBytes;

    ServerBlockWriter(OutputStream out, int blockSize, EndOfFile endOfFile) {
        this.out = out;
        this.blockSize = blockSize;
        this.endOfFile = endOfFile;
    }

    static String retrieveMarker(long offset) {
        return "S" + Long.toHexString(offset);
    }

    /**
     * Sends {@code file}'s bytes from {@code offset} to {@code size}, then the end of file.
     *
     * @param cutAfter stop after this many data bytes, mid-block if it falls there; -1 never
     * @return false when cut
     */
    boolean sendFile(InputStream file, long offset, long size, long markerInterval, long cutAfter) throws IOException {
        byte[] buffer = new byte[blockSize];
        long position = offset;
        long budget = cutAfter < 0 ? Long.MAX_VALUE : cutAfter;
        while (position < size) {
            long nextMarker = markerInterval > 0 ? (position / markerInterval + 1) * markerInterval : Long.MAX_VALUE;
            int count = (int) Math.min(blockSize, Math.min(size - position, nextMarker - position));
            boolean lastData = position + count == size;
            if (file.readNBytes(buffer, 0, count) != count) {
                throw new IOException("file shrank while being sent");
            }
            int descriptor = lastData && endOfFile == EndOfFile.ON_LAST_DATA_BLOCK ? EOF : 0;
            header(descriptor, count);
            if (budget < count) {
                out.write(buffer, 0, (int) budget);
                dataBytes += budget;
                out.flush();
                return false;
            }
            out.write(buffer, 0, count);
            dataBytes += count;
            budget -= count;
            position += count;
            if (position == nextMarker && !(lastData && endOfFile != EndOfFile.SEPARATE_BLOCK)) {
                marker(0, retrieveMarker(position));
            }
        }
        switch (endOfFile) {
            case SEPARATE_BLOCK -> header(EOF, 0);
            case ON_LAST_DATA_BLOCK -> {
                if (size == offset) {
                    header(EOF, 0);
                }
            }
            case ON_MARKER_BLOCK -> marker(EOF, retrieveMarker(size));
        }
        out.flush();
        return true;
    }

    /** Sends listing bytes as data blocks with EOF on the last (markers make no sense in a listing). */
    void sendListing(byte[] listing) throws IOException {
        int position = 0;
        do {
            int count = Math.min(blockSize, listing.length - position);
            boolean last = position + count == listing.length;
            header(last ? EOF : 0, count);
            out.write(listing, position, count);
            position += count;
            dataBytes += count;
        } while (position < listing.length);
        out.flush();
    }

    long dataBytes() {
        return dataBytes;
    }

    private void marker(int extraDescriptor, String marker) throws IOException {
        byte[] text = marker.getBytes(StandardCharsets.US_ASCII);
        header(MARKER | extraDescriptor, text.length);
        out.write(text);
    }

    private void header(int descriptor, int count) throws IOException {
        out.write(descriptor);
        out.write(count >> 8);
        out.write(count & 0xFF);
    }
}
