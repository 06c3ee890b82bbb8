package org.filesync.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.filesync.history.RunTrigger;
import org.filesync.batch.BatchInfrastructure;
import org.filesync.history.Database;
import org.filesync.history.NodeIdentity;
import org.filesync.history.RunCounters;
import org.filesync.history.RunRegistry;
import org.filesync.history.RunStart;
import org.filesync.history.RunStatus;
import org.filesync.history.TransferLog;
import org.filesync.history.TransferStatus;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.StepExecution;

/**
 * Writes the history of runs that happened days ago, through the same registry, transfer log and
 * Spring Batch job repository a run uses (so a failed run is resumed by the next, in its job
 * instance), then dates each run back: run {@code daysAgo} started that many days and one hour
 * before {@link #now}.
 */
public final class PastRuns {

    private final Database database;
    private final Instant now;
    private final RunRegistry registry;
    private final TransferLog transfers;
    private final BatchInfrastructure batch;
    private final NodeIdentity node = NodeIdentity.current("past-node");

    public PastRuns(Database database, Instant now) {
        this.database = database;
        this.now = now;
        this.registry = new RunRegistry(database.dataSource());
        this.transfers = new TransferLog(database.dataSource());
        this.batch = new BatchInfrastructure(database.dataSource());
    }

    public Instant startOf(int daysAgo) {
        return now.minus(Duration.ofDays(daysAgo)).minus(Duration.ofHours(1));
    }

    /** A finished run with {@code files} DONE rows; its Spring Batch execution ends as the run did. */
    public long finished(String job, int daysAgo, RunStatus status, int files) throws Exception {
        return finished(job, daysAgo, status, new RunCounters(files, 0, 0, 0, files), Duration.ofMinutes(10));
    }

    /**
     * As {@link #finished(String, int, RunStatus, int)} with the run's own figures: {@code counters}
     * (a DONE row for each file it counts as transferred) and the time it took.
     */
    public long finished(String job, int daysAgo, RunStatus status, RunCounters counters, Duration took) throws Exception {
        RunStart start = registry.begin(job, RunTrigger.scheduled(startOf(daysAgo)), node);
        execution(job, start, status == RunStatus.FAILED ? BatchStatus.FAILED
                : status == RunStatus.STOPPED ? BatchStatus.STOPPED : BatchStatus.COMPLETED);
        files(start.runId(), counters.filesTransferred());
        registry.finish(start.runId(), status, counters, status == RunStatus.FAILED ? "boom" : null);
        dateBack(start.runId(), daysAgo, took);
        return start.runId();
    }

    /** A run still RUNNING, alive in this process, with {@code files} PENDING rows. */
    public long running(String job, int daysAgo, int files) throws Exception {
        RunStart start = registry.begin(job, RunTrigger.scheduled(startOf(daysAgo)), node);
        execution(job, start, BatchStatus.STARTED);
        transfers.insert(start.runId(), "DOWNLOAD", IntStream.range(0, files).mapToObj(i -> new TransferLog.NewTransfer(
                "pending/" + i, TransferStatus.PENDING, 1, null, "new", null)).toList());
        dateBack(start.runId(), daysAgo, Duration.ofMinutes(10));
        return start.runId();
    }

    /** A scheduled fire that found its job running. */
    public long skipped(String job, int daysAgo) {
        long runId = registry.skipped(job, RunTrigger.scheduled(startOf(daysAgo)), node, "still running");
        dateBack(runId, daysAgo, Duration.ofMinutes(10));
        return runId;
    }

    private void execution(String job, RunStart start, BatchStatus status) throws Exception {
        JobParameters parameters = start.resumedExecution() != null
                ? batch.explorer().getJobExecution(start.resumedExecution()).getJobParameters()
                : new JobParametersBuilder().addLong("run", start.runId()).toJobParameters();
        JobExecution execution = batch.repository().createJobExecution(job, parameters);
        for (String name : List.of("plan", "transfer")) {
            StepExecution step = execution.createStepExecution(name);
            step.getExecutionContext().putString("seen", name);
            batch.repository().add(step);
            step.setStatus(status);
            batch.repository().update(step);
        }
        execution.setStatus(status);
        execution.setEndTime(status.isRunning() ? null : LocalDateTime.now());
        batch.repository().update(execution);
        registry.attachExecution(start.runId(), execution.getId());
    }

    private void files(long runId, int files) {
        transfers.insert(runId, "DOWNLOAD", IntStream.range(0, files).mapToObj(i -> new TransferLog.NewTransfer(
                "pub/f" + i, TransferStatus.DONE, 4096, now, "new", null)).toList());
    }

    private void dateBack(long runId, int daysAgo, Duration took) {
        database.jdbc().sql("UPDATE fs_run SET started_at = :start, fire_time = :start, "
                        + "finished_at = CASE WHEN finished_at IS NULL THEN NULL ELSE :end END WHERE run_id = :id")
                .param("start", startOf(daysAgo).atOffset(ZoneOffset.UTC))
                .param("end", startOf(daysAgo).plus(took).atOffset(ZoneOffset.UTC))
                .param("id", runId).update();
    }
}
