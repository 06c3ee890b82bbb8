package org.filesync.batch;

import java.time.Instant;
import org.filesync.history.TransferLog.Pending;
import org.filesync.mirror.PlannedFile;
import org.filesync.mirror.TransferOutcome;

/** A file the transfer step moved, verified and renamed into place: what its chunk's writer records. */
record TransferredFile(Pending row, PlannedFile file, TransferOutcome outcome, Instant startedAt) {
}
