package org.filesync.mirror;

import org.filesync.ftp.RestartPoint;

/** Where the progress of each file is recorded as it goes (the history, in filesync). Called from worker threads. */
public interface TransferRecorder {

    void started(PlannedFile file, int attempt, long resumedFrom);

    /** @param bytesThisRun bytes of this file moved over the wire in this run, all attempts together */
    void progress(PlannedFile file, long bytesThisRun, RestartPoint confirmed);

    /**
     * The transfer ended early because the run is stopping: the file stays unfinished, resumable
     * from {@code confirmed}, and what it got so far should be recorded now rather than later.
     */
    void stopped(PlannedFile file, long bytesThisRun, RestartPoint confirmed);

    /**
     * {@code verify: checksum} found no checksum to compare for this file ({@code reason} says
     * why), so only its size was checked. Called for each such file; the run says so once.
     */
    void verifiedBySizeOnly(PlannedFile file, String reason);
}
