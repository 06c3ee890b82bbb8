package org.filesync.jobs;

/**
 * How a big download is split: into {@code segments} byte ranges, each fetched on a session of its
 * own, for files of at least {@code minSize} bytes.
 *
 * @param segments 1 for never
 */
public record Segmenting(int segments, long minSize) {

    public static final long DEFAULT_MIN_SIZE = 64L << 20;
    /** Smaller ranges gain nothing over the connection each costs; and the segments' progress lives in the partial file's stamp, which only files of 1 MiB and more get. */
    public static final long MIN_SIZE_FLOOR = 1L << 20;
    public static final Segmenting NONE = new Segmenting(1, DEFAULT_MIN_SIZE);

    /** Whether a file of {@code size} bytes is split. */
    public boolean splits(long size) {
        return segments > 1 && size >= minSize;
    }
}
