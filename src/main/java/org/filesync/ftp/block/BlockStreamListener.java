package org.filesync.ftp.block;

import java.io.IOException;

/** Told about a block stream as it is decoded or encoded, on the thread doing the work. */
public interface BlockStreamListener {

    BlockStreamListener NONE = new BlockStreamListener() { };

    /**
     * Data went by: a whole block when encoding, each read of a block's bytes when decoding.
     *
     * @param bytes how many data bytes
     * @param dataBytes data bytes of this stream so far, these included
     */
    default void data(int bytes, long dataBytes) throws IOException {
    }

    /**
     * A restart marker went by. When decoding, every data byte before it has already been handed to
     * the sink, so the marker may be recorded as a restart point.
     *
     * @param marker the marker text
     * @param dataBytesBefore data bytes of this stream before the marker: the position it stands for
     */
    default void restartMarker(String marker, long dataBytesBefore) throws IOException {
    }

    /** What to do with each restart marker of a stream. */
    interface MarkerHandler {
        void restartMarker(String marker, long dataBytesBefore);
    }

    /** Passes the data on to {@code data}'s listener and each restart marker to {@code markers}. */
    static BlockStreamListener withMarkers(BlockStreamListener data, MarkerHandler markers) {
        return new BlockStreamListener() {
            @Override
            public void data(int bytes, long dataBytes) throws IOException {
                data.data(bytes, dataBytes);
            }

            @Override
            public void restartMarker(String marker, long dataBytesBefore) {
                markers.restartMarker(marker, dataBytesBefore);
            }
        };
    }
}
