package org.filesync.ftp;

import java.time.Instant;

/**
 * One entry of a remote listing.
 *
 * @param name the name as the server listed it
 * @param path the folder's path joined with the name by '/'
 * @param size bytes, or -1 when the listing gave none
 * @param modified the listed modify time (UTC for MLSD), or null
 * @param linkTarget a symlink's target where the listing shows it, else null
 * @param rejection why the name must not be used (contains '/', '\', NUL, CR or LF, or is "." or ".."), else null
 */
public record RemoteEntry(String name, String path, EntryType type, long size, Instant modified,
                          TimePrecision precision, String linkTarget, String rejection) {

    public boolean isRejected() {
        return rejection != null;
    }
}
