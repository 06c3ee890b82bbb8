package org.filesync.history;

import java.time.Instant;

/** One file of a run: the TRANSFER object of the JSON contract, field for field. */
public record TransferRecord(
        String path,
        String direction,
        TransferStatus status,
        Long size,
        long bytesTransferred,
        long resumedFrom,
        int attempts,
        Integer replyCode,
        String message,
        Instant startedAt,
        Instant finishedAt) {
}
