package org.filesync.testing;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The server's own block-mode receiver for STOR, written from RFC 959 §3.4.2 and §3.5 independently
 * of filesync's decoder. Each client marker is made durable in the file before it is confirmed, so
 * the confirmation ({@code 110 MARK ssss = mmmm}) is a promise the server can keep on REST.
 */
final class ServerBlockReader {

    enum Outcome { COMPLETE, CUT, BROKEN, MALFORMED }

    /** Sends the 110 reply for a client marker the server has marked at {@code fileOffset}. */
    @FunctionalInterface
    interface MarkerConfirmation {
        void confirm(String clientMarker, long fileOffset) throws IOException;
    }

    private final DataInputStream in;
    private long dataBytes;

    ServerBlockReader(InputStream in) {
        this.in = new DataInputStream(in);
    }

    static String storeMarker(long offset) {
        return "W" + Long.toHexString(offset);
    }

    /**
     * Writes the data blocks to {@code file} until the EOF block.
     *
     * @param startOffset the file offset the data starts at
     * @param cutAfter stop after this many data bytes; -1 never
     */
    Outcome receive(OutputStream file, long startOffset, long cutAfter, MarkerConfirmation confirmation) throws IOException {
        long budget = cutAfter < 0 ? Long.MAX_VALUE : cutAfter;
        byte[] buffer = new byte[0xFFFF];
        while (true) {
            int descriptor;
            int count;
            try {
                descriptor = in.readUnsignedByte();
                count = in.readUnsignedShort();
            } catch (EOFException e) {
                return Outcome.BROKEN;
            }
            if ((descriptor & 0x0F) != 0) {
                return Outcome.MALFORMED;
            }
            try {
                in.readFully(buffer, 0, count);
            } catch (EOFException e) {
                return Outcome.BROKEN;
            }
            if ((descriptor & ServerBlockWriter.MARKER) != 0) {
                if (count > 0) {
                    file.flush();
                    confirmation.confirm(new String(buffer, 0, count, StandardCharsets.US_ASCII), startOffset + dataBytes);
                }
            } else {
                int kept = (int) Math.min(count, budget);
                file.write(buffer, 0, kept);
                dataBytes += kept;
                budget -= kept;
                if (kept < count || budget == 0 && (descriptor & ServerBlockWriter.EOF) == 0) {
                    file.flush();
                    return Outcome.CUT;
                }
            }
            if ((descriptor & ServerBlockWriter.EOF) != 0) {
                file.flush();
                return Outcome.COMPLETE;
            }
        }
    }

    long dataBytes() {
        return dataBytes;
    }
}
