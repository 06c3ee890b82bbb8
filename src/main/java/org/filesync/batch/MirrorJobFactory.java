package org.filesync.batch;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.filesync.ftp.RestartPoint;
import org.filesync.history.TransferLog.Pending;
import org.filesync.mirror.PermanentTransferFailure;
import org.filesync.mirror.ResumeHint;
import org.filesync.mirror.RetryPolicy;
import org.filesync.mirror.SyncState;
import org.filesync.mirror.TransientTransferFailure;
import org.springframework.batch.core.ChunkListener;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobExecutionListener;
import org.springframework.batch.core.SkipListener;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.support.transaction.ResourcelessTransactionManager;
import org.springframework.retry.backoff.ExponentialBackOffPolicy;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The Spring Batch job of one run: plan → folders → transfer → delete → finalize.
 *
 * <p>Transfer is a chunk-oriented, multi-threaded, fault-tolerant step over the run's pending rows
 * (process indicator): {@code parallel} threads, each with its own FTP session for the life of the
 * step, read rows largest first, move one file per item, and hand each chunk's files to one
 * recording thread, which records what it is handed in one transaction. Transient failures are retried by the step ({@code retries}, with backoff), anything
 * else is skipped into a FAILED row, up to {@code maxFailures}.
 *
 * <p>The steps' own transactions are resourceless: a chunk may hold a 1 GiB file for minutes, and
 * no database transaction should stay open that long. The writer and the listeners write the history
 * in short transactions of their own; Spring Batch keeps its metadata in the job repository's.
 *
 * <p>Every step runs again when the job is restarted: the plan is made afresh from both sides and
 * the catalog (a restart may come hours later, and the source may have changed), files done before
 * are in the catalog and skip, and a file left partial resumes from its stamp or its row.
 */
final class MirrorJobFactory {

    private final JobRepository repository;
    private final ObservationRegistry observations;
    private final MeterRegistry meters;

    MirrorJobFactory(BatchInfrastructure batch) {
        this.repository = batch.repository();
        this.observations = batch.observations();
        this.meters = batch.meters();
    }

    /** @param started told the job execution's id as soon as the job starts */
    Job create(MirrorRunContext run, ThreadPoolTaskExecutor transferThreads, LongConsumer started) {
        return new JobBuilder(run.job.name(), repository)
                .observationRegistry(observations)
                .meterRegistry(meters)
                .listener(new JobExecutionListener() {
                    @Override
                    public void beforeJob(JobExecution execution) {
                        run.runs.attachExecution(run.runId, execution.getId());
                        started.accept(execution.getId());
                    }
                })
                .start(tasklet("plan", new PlanStep(run)))
                .next(tasklet("folders", new FoldersStep(run)))
                .next(transfer(run, transferThreads))
                .next(tasklet("delete", new DeleteStep(run)))
                .next(tasklet("finalize", new FinalizeStep(run)))
                .build();
    }

    @SuppressWarnings("removal") // throttleLimit: the only way to run more than four chunks at once in Spring Batch 5
    private Step transfer(MirrorRunContext run, ThreadPoolTaskExecutor threads) {
        PendingTransferReader reader = new PendingTransferReader(run.transferLog, run.runId);
        RetryPolicy retry = RetryPolicy.of(run.job.retries());
        ProgressCheckpoints checkpoints = new ProgressCheckpoints(run.job.name(), run.runId, run.transferLog,
                run.progress);
        TransferSessions sessions = new TransferSessions(run.sessions, retry, run.stop, reader);
        FileTransferProcessor processor = new FileTransferProcessor(run, sessions, checkpoints, reader);
        FailedFileRecorder failures = new FailedFileRecorder(run, checkpoints, processor, reader);
        TransferChunkPolicy chunks = new TransferChunkPolicy(reader);
        TransferredFileWriter writer = new TransferredFileWriter(run, reader);
        ExponentialBackOffPolicy backOff = new ExponentialBackOffPolicy();
        backOff.setInitialInterval(retry.firstDelay().toMillis());
        backOff.setMaxInterval(retry.maxDelay().toMillis());
        backOff.setSleeper(millis -> run.stop.await(java.time.Duration.ofMillis(millis)));
        return new StepBuilder("transfer", repository)
                .observationRegistry(observations)
                .meterRegistry(meters)
                .<Pending, TransferredFile>chunk(chunks, new ResourcelessTransactionManager())
                .reader(reader)
                .processor(processor)
                .writer(writer)
                .faultTolerant()
                .processorNonTransactional()
                .retry(TransientTransferFailure.class)
                .retryLimit(run.job.retries() + 1)
                .backOffPolicy(backOff)
                .skipPolicy(failures)
                .noRollback(PermanentTransferFailure.class)
                .listener((SkipListener<Pending, TransferredFile>) failures)
                .listener(sessions)
                .listener((ChunkListener) chunks)
                .listener(new TransferStepLifecycle(run, reader, processor, writer, sessions, checkpoints,
                        () -> run.direction.fileTransfer(checkpoints, run.job.verify(), path -> resumeHint(run, path),
                                run.stop)))
                .taskExecutor(threads)
                .throttleLimit(run.job.parallel())
                .allowStartIfComplete(true)
                .build();
    }

    private Step tasklet(String name, Tasklet tasklet) {
        return new StepBuilder(name, repository)
                .observationRegistry(observations)
                .meterRegistry(meters)
                .tasklet(new ExpectedFailureTasklet(tasklet), new ResourcelessTransactionManager())
                .allowStartIfComplete(true)
                .build();
    }

    private static Optional<ResumeHint> resumeHint(MirrorRunContext run, String path) {
        return run.transferLog.lastUnfinished(run.job.name(), path, run.runId).map(row -> new ResumeHint(
                new SyncState(row.size(), row.sourceModified()),
                row.restartMarker() != null && row.markerOffset() != null
                        ? new RestartPoint(row.markerOffset(), row.restartMarker())
                        : RestartPoint.START));
    }
}
