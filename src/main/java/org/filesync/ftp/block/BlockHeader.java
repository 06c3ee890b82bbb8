package org.filesync.ftp.block;

/**
 * The 3-byte header in front of every block of RFC 959 block mode (§3.4.2): one descriptor byte of
 * bit flags, then a 16-bit big-endian count of the bytes that follow.
 *
 * @param descriptor the descriptor byte, 0-255
 * @param count the number of bytes in the block, 0-65,535 (zero-length blocks are legal)
 */
public record BlockHeader(int descriptor, int count) {

    /** Header bytes on the wire. */
    public static final int LENGTH = 3;
    /** The largest count 16 bits can hold. */
    public static final int MAX_COUNT = 0xFFFF;

    /** 128: the end of this block is the end of a record. */
    public static final int END_OF_RECORD = 128;
    /** 64: the end of this block is the end of the file. */
    public static final int END_OF_FILE = 64;
    /** 32: the sender suspects errors in this block; its bytes are still data. */
    public static final int SUSPECT = 32;
    /** 16: this block's bytes are a restart marker, not data. */
    public static final int RESTART_MARKER = 16;
    /** The bits RFC 959 assigns; the low four have no meaning. */
    public static final int ASSIGNED_BITS = END_OF_RECORD | END_OF_FILE | SUSPECT | RESTART_MARKER;

    public BlockHeader {
        if (descriptor < 0 || descriptor > 0xFF) {
            throw new IllegalArgumentException("descriptor must fit one byte: " + descriptor);
        }
        if (count < 0 || count > MAX_COUNT) {
            throw new IllegalArgumentException("block count must be 0-65535: " + count);
        }
    }

    /** Reads a header from {@code bytes[offset..offset+2]}. */
    public static BlockHeader decode(byte[] bytes, int offset) {
        return new BlockHeader(bytes[offset] & 0xFF, (bytes[offset + 1] & 0xFF) << 8 | bytes[offset + 2] & 0xFF);
    }

    /** Writes this header into {@code bytes[offset..offset+2]}. */
    public void encode(byte[] bytes, int offset) {
        bytes[offset] = (byte) descriptor;
        bytes[offset + 1] = (byte) (count >>> 8);
        bytes[offset + 2] = (byte) count;
    }

    public boolean isEndOfFile() {
        return (descriptor & END_OF_FILE) != 0;
    }

    public boolean isSuspect() {
        return (descriptor & SUSPECT) != 0;
    }

    public boolean isRestartMarker() {
        return (descriptor & RESTART_MARKER) != 0;
    }

    /** Bits outside the four RFC 959 assigns; non-zero means the peer is not speaking block mode. */
    public int unassignedBits() {
        return descriptor & ~ASSIGNED_BITS;
    }
}
