package org.filesync.batch;

import org.filesync.history.RunRegistry;
import org.filesync.history.SyncedStateCatalog;
import org.filesync.history.TransferLog;
import org.filesync.history.TransferLog.NewTransfer;
import org.filesync.jobs.JobDefinition;
import org.filesync.mirror.FailureReason;
import org.filesync.mirror.MirrorDirection;
import org.filesync.mirror.MirrorPlan;
import org.filesync.mirror.SessionPool;
import org.filesync.mirror.StopRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * What the steps of one run share: the job, its run row, its sessions, and the plan the first
 * step makes. The state a restart needs lives in the database (the transfer rows, the catalog and
 * the partial files' stamps), so a restarted execution rebuilds all of this from there.
 */
final class MirrorRunContext {

    private static final Logger log = LoggerFactory.getLogger(MirrorRunContext.class);

    final JobDefinition job;
    final long runId;
    final SessionPool sessions;
    final MirrorDirection direction;
    final RunRegistry runs;
    final TransferLog transferLog;
    final SyncedStateCatalog catalog;
    /** One transaction around a chunk's writes to the transfer rows and the catalog. */
    final TransactionOperations transactions;
    final RunProgress progress;
    final StopRequest stop;
    MirrorPlan plan;

    MirrorRunContext(JobDefinition job, long runId, SessionPool sessions, RunRegistry runs, TransferLog transferLog,
                     SyncedStateCatalog catalog, TransactionOperations transactions, RunProgress progress,
                     StopRequest stop) {
        this.job = job;
        this.runId = runId;
        this.sessions = sessions;
        this.direction = MirrorDirection.of(job, sessions);
        this.runs = runs;
        this.transferLog = transferLog;
        this.catalog = catalog;
        this.transactions = transactions;
        this.progress = progress;
        this.stop = stop;
    }

    String directionName() {
        return job.direction().name();
    }

    /**
     * A path that failed outside the transfer of a file (a folder not made or deleted, a file not
     * deleted): one log line, and its FAILED row with the reply code where the server gave one.
     *
     * @param action what was attempted, as the row's message says it: "delete", "create the folder"
     */
    NewTransfer failedPath(String path, String reason, String action, Exception failure) {
        FailureReason why = FailureReason.of(failure);
        log.info("job {} run {}: cannot {} {}: {}", job.name(), runId, action, path, why.message());
        return NewTransfer.failed(path, reason, why.replyCode(), "cannot " + action + ": " + why.message());
    }
}
