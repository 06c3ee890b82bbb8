package org.filesync.mirror;

import java.time.Instant;
import org.filesync.ftp.TimePrecision;

/**
 * A file or folder of one side of a mirror, by its path relative to that side's root ('/'-separated).
 *
 * @param size bytes (-1 for folders or when unknown)
 * @param modified the modify time as that side reports it, or null
 */
public record TreeEntry(String path, boolean directory, long size, Instant modified, TimePrecision precision) {

    public static TreeEntry file(String path, long size, Instant modified, TimePrecision precision) {
        return new TreeEntry(path, false, size, modified, precision);
    }

    public static TreeEntry folder(String path) {
        return new TreeEntry(path, true, -1, null, TimePrecision.UNKNOWN);
    }

    public SyncState state() {
        return new SyncState(size, modified);
    }
}
