package org.filesync.batch;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.filesync.ftp.FailureMessages;
import org.filesync.ftp.FtpException;
import org.filesync.history.SyncedStateCatalog;
import org.filesync.history.TransferLog.NewTransfer;
import org.filesync.history.TransferStatus;
import org.filesync.mirror.MirrorDirection;
import org.filesync.mirror.MirrorPlan;
import org.filesync.mirror.MirrorPlanner;
import org.filesync.mirror.PlannedFile;
import org.filesync.mirror.RejectedEntry;
import org.filesync.mirror.SafePaths;
import org.filesync.mirror.SyncState;
import org.filesync.mirror.UnlistedFolder;
import org.filesync.mirror.UnreadableLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * Lists both sides, compares them with the synced-state catalog, and writes the plan as the run's
 * rows in one batch: PENDING for each file to transfer, FAILED for unsafe names and folders not
 * listed, SKIPPED for entries the run must report. Unchanged files get no row: they are counted on
 * the run, so a re-check of an unchanged tree adds a constant number of rows however large the tree.
 */
final class PlanStep implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(PlanStep.class);

    private final MirrorRunContext run;

    PlanStep(MirrorRunContext run) {
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws InterruptedException {
        long start = System.nanoTime();
        MirrorPlan plan = plan(run);
        long planned = System.nanoTime();
        if (run.stop.isRequested()) {
            // The stop cut the listing short: nothing of this plan is recorded, the next run lists again.
            chunkContext.getStepContext().getStepExecution().setTerminateOnly();
            return RepeatStatus.FINISHED;
        }
        run.plan = plan;
        for (UnlistedFolder folder : plan.unlisted()) {
            log.warn("job {} run {}: could not list folder {}: {}", run.job.name(), run.runId, folder.displayPath(),
                    folder.reason());
        }
        if (!plan.unreadable().isEmpty()) {
            log.warn("job {} run {}: {}", run.job.name(), run.runId, UnreadableLine.describe(plan.unreadable()));
        }
        run.transferLog.insert(run.runId, run.directionName(), rows(plan));
        run.runs.planned(run.runId, plan.skipped());
        log.debug("job {} run {}: planned {} transfers and {} unchanged in {} ms, recorded them in {} ms", run.job.name(),
                run.runId, plan.transfers().size(), plan.skipped(), (planned - start) / 1_000_000,
                (System.nanoTime() - planned) / 1_000_000);
        run.catalog.record(run.job.name(), plan.adopted().stream()
                .map(file -> new SyncedStateCatalog.Entry(file.path(), file.size(), file.source().modified()))
                .toList());
        run.progress.planned(plan.transfers().size(), plan.bytesToTransfer());
        chunkContext.getStepContext().getStepExecution().getExecutionContext()
                .putInt("filesToTransfer", plan.transfers().size());
        return RepeatStatus.FINISHED;
    }

    /** Lists and compares; shared with {@code --dry-run}, which stops here. */
    static MirrorPlan plan(MirrorRunContext run) throws InterruptedException {
        MirrorDirection.Sides sides;
        long start = System.nanoTime();
        ExecutorService loader = Threads.single("filesync-catalog");
        CompletableFuture<Map<String, SyncState>> synced = CompletableFuture.supplyAsync(() -> {
            Map<String, SyncState> catalog = new HashMap<>();
            run.catalog.forEach(run.job.name(),
                    entry -> catalog.put(entry.path(), new SyncState(entry.size(), entry.modified())));
            return catalog;
        }, loader);
        loader.shutdown();
        try {
            sides = run.direction.scan();
            log.debug("job {}: listed {} source files and {} target files in {} ms", run.job.name(),
                    sides.source().files().size(), sides.target().files().size(), (System.nanoTime() - start) / 1_000_000);
        } catch (FtpException e) {
            throw new RunFailedException(e.getMessage(), e);
        } catch (IOException e) {
            throw new RunFailedException("listing the local folder: " + FailureMessages.of(e), e);
        }
        return new MirrorPlanner(run.job.safeguards(), Instant.now())
                .plan(sides.source(), sides.target(), synced.join(), run.job.delete());
    }

    private static List<NewTransfer> rows(MirrorPlan plan) {
        List<NewTransfer> rows = new ArrayList<>();
        for (PlannedFile file : plan.transfers()) {
            rows.add(new NewTransfer(file.path(), TransferStatus.PENDING, file.size(), file.source().modified(),
                    file.reason().text(), null));
        }
        for (PlannedFile file : plan.tooYoung()) {
            rows.add(new NewTransfer(file.path(), TransferStatus.SKIPPED, file.size(), file.source().modified(),
                    "too young", file.reason().text()));
        }
        for (RejectedEntry entry : plan.rejected()) {
            rows.add(new NewTransfer(entry.path(), TransferStatus.FAILED, -1, null, "rejected", entry.reason()));
        }
        for (RejectedEntry entry : plan.ignored()) {
            rows.add(new NewTransfer(entry.path(), TransferStatus.SKIPPED, -1, null, "ignored", entry.reason()));
        }
        for (UnlistedFolder folder : plan.unlisted()) {
            rows.add(new NewTransfer(folder.displayPath(), TransferStatus.FAILED, -1, null, "not listed",
                    folder.reason(), folder.replyCode()));
        }
        if (!plan.unreadable().isEmpty()) {
            // one warning row for the run, not one failure per line: the same lines come back every run
            UnreadableLine first = plan.unreadable().get(0);
            rows.add(new NewTransfer(SafePaths.shown(first.folder()), TransferStatus.SKIPPED, -1, null,
                    "unreadable listing", UnreadableLine.describe(plan.unreadable())));
        }
        return rows;
    }
}
