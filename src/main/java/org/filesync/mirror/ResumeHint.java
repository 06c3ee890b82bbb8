package org.filesync.mirror;

import org.filesync.ftp.RestartPoint;

/**
 * What an earlier attempt left behind for one file: the source listing it was transferring and
 * the last restart point it confirmed. A partial file is resumed only while the source still
 * lists the same size and time.
 */
public record ResumeHint(SyncState source, RestartPoint confirmed) {
}
