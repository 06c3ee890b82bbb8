package org.filesync.ftp.block;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Hand-built block streams, written byte by byte from RFC 959 §3.4.2 rather than by the encoder under test. */
final class RawBlocks {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    RawBlocks block(int descriptor, byte[] payload) {
        return header(descriptor, payload.length).raw(payload);
    }

    RawBlocks data(byte[] payload) {
        return block(0, payload);
    }

    RawBlocks marker(String marker) {
        return block(BlockHeader.RESTART_MARKER, marker.getBytes(StandardCharsets.US_ASCII));
    }

    RawBlocks eof() {
        return header(BlockHeader.END_OF_FILE, 0);
    }

    RawBlocks header(int descriptor, int count) {
        bytes.write(descriptor);
        bytes.write(count >>> 8);
        bytes.write(count & 0xFF);
        return this;
    }

    RawBlocks raw(byte[] raw) {
        bytes.writeBytes(raw);
        return this;
    }

    byte[] toBytes() {
        return bytes.toByteArray();
    }
}
