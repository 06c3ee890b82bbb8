package org.filesync.mirror;

/**
 * One byte range of a segmented download: {@code [start, end)} of the file, of which
 * {@code [start, position)} is in the partial file.
 */
final class Segment {

    private final long start;
    private final long end;
    private volatile long position;

    Segment(long start, long end, long position) {
        if (start > position || position > end) {
            throw new IllegalArgumentException("segment " + start + "-" + end + " cannot be at " + position);
        }
        this.start = start;
        this.end = end;
        this.position = position;
    }

    long start() {
        return start;
    }

    long end() {
        return end;
    }

    long position() {
        return position;
    }

    void advanceTo(long position) {
        this.position = Math.max(this.position, Math.min(position, end));
    }

    long remaining() {
        return end - position;
    }

    boolean isComplete() {
        return position == end;
    }
}
