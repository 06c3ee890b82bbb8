package org.filesync.batch;

import java.time.Instant;
import java.util.List;

/**
 * A running run as one moment saw it: what the plan holds, what is done, the recent rate, the
 * time left at that rate, and the files in flight. {@code status} is RUNNING until the run ends,
 * then the run's own; the planned figures are null until the plan is made.
 */
public record ProgressSnapshot(
        long runId,
        String job,
        String status,
        Instant startedAt,
        Instant endedAt,
        Integer filesPlanned,
        int filesDone,
        int filesFailed,
        Long bytesPlanned,
        long bytesDone,
        double percent,
        long bytesPerSecond,
        Long etaSeconds,
        List<FileInFlight> inFlight) {

    /** A file being moved: {@code offset} of its {@code size} bytes are in the target (-1: size unknown). */
    public record FileInFlight(String path, long size, long offset) {
    }
}
