package org.filesync.ftp.block;

import java.util.ArrayList;
import java.util.List;

/** Keeps every marker a decoder or encoder reports, with the data byte count before it. */
final class RecordingListener implements BlockStreamListener {

    record Seen(String marker, long dataBytesBefore) {
    }

    final List<Seen> markers = new ArrayList<>();

    @Override
    public void restartMarker(String marker, long dataBytesBefore) {
        markers.add(new Seen(marker, dataBytesBefore));
    }
}
