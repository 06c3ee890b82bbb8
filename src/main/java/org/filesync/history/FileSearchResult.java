package org.filesync.history;

import java.time.Instant;
import java.util.List;

/**
 * What {@code filesync file} and {@code /api/files} answer: the file events of runs (newest
 * first) and the catalog's synced state, each cut at {@code limit} with a flag saying so.
 */
public record FileSearchResult(
        String path,
        String match,
        String job,
        int limit,
        boolean eventsTruncated,
        List<FileEvent> events,
        boolean syncedTruncated,
        List<SyncedFile> synced) {

    /** What one run did to one matching path. */
    public record FileEvent(long runId, String job, RunStatus runStatus, Instant runStartedAt, String path,
                            TransferStatus status, Long size, long bytesTransferred, Integer replyCode, String message,
                            Instant finishedAt) {
    }

    /** A matching path as the synced-state catalog of its job holds it now. */
    public record SyncedFile(String job, String path, long size, Instant sourceModified, Instant syncedAt) {
    }
}
