package org.filesync.ftp;

/**
 * Where a transfer can continue: a byte offset, and in block mode the server's restart marker
 * that stands for it (what REST must send to get back there).
 *
 * @param marker the server's marker (block mode), or null in stream mode
 */
public record RestartPoint(long offset, String marker) {

    public static final RestartPoint START = new RestartPoint(0, null);

    public RestartPoint {
        if (offset < 0) {
            throw new IllegalArgumentException("negative restart offset " + offset);
        }
    }

    public static RestartPoint atOffset(long offset) {
        return new RestartPoint(offset, null);
    }

    public boolean isStart() {
        return offset == 0;
    }
}
