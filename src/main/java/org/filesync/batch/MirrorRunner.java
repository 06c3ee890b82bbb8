package org.filesync.batch;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.filesync.ftp.BandwidthThrottle;
import org.filesync.ftp.FailureMessages;
import org.filesync.ftp.FtpSessionFactory;
import org.filesync.ftp.FtpSessionSettings;
import org.filesync.ftp.TlsMode;
import org.filesync.history.Database;
import org.filesync.history.JobAlreadyRunningException;
import org.filesync.history.NodeIdentity;
import org.filesync.history.RunHistory;
import org.filesync.history.RunRegistry;
import org.filesync.history.RunRecord;
import org.filesync.history.RunStart;
import org.filesync.history.RunStatus;
import org.filesync.history.RunTrigger;
import org.filesync.history.SyncedStateCatalog;
import org.filesync.history.TransferLog;
import org.filesync.jobs.JobDefinition;
import org.filesync.metrics.FilesyncMeters;
import org.filesync.mirror.JobSessionSettings;
import org.filesync.mirror.MirrorPlan;
import org.filesync.mirror.SessionPool;
import org.filesync.mirror.StopRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one job once: registers the run (refusing a second live run of the job, closing runs
 * whose process died), launches — or, after a failed or stopped run, restarts — its Spring Batch
 * job, and closes the run row however the job ended.
 */
public final class MirrorRunner {

    private static final Logger log = LoggerFactory.getLogger(MirrorRunner.class);

    private final Database database;
    private final BatchInfrastructure batch;
    private final Function<FtpSessionSettings, FtpSessionFactory> sessionFactories;
    private final NodeIdentity node;
    private final RunRegistry runs;
    private final TransferLog transferLog;
    private final SyncedStateCatalog catalog;
    private final TransactionOperations transactions;
    private final FilesyncMeters meters;

    public MirrorRunner(Database database, Function<FtpSessionSettings, FtpSessionFactory> sessionFactories,
                        NodeIdentity node, FilesyncMeters meters) {
        this.database = database;
        this.batch = new BatchInfrastructure(database.dataSource());
        this.sessionFactories = sessionFactories;
        this.node = node;
        this.runs = new RunRegistry(database.dataSource());
        this.transferLog = new TransferLog(database.dataSource());
        this.catalog = new SyncedStateCatalog(database.dataSource(), database.settings().isPostgres());
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
        this.meters = meters;
    }

    /** Lists both sides and plans, changing nothing anywhere (no run is recorded). */
    public MirrorPlan dryRun(JobDefinition job) throws InterruptedException {
        try (SessionPool sessions = new SessionPool(sessionFactory(job), job.parallel())) {
            MirrorRunContext context = new MirrorRunContext(job, -1, sessions, runs, transferLog, catalog,
                    transactions, RunProgress.NONE, new StopRequest());
            return PlanStep.plan(context);
        }
    }

    /**
     * @param stop requested to end the run at a safe point, as STOPPED; it cuts the run's
     *        connections, so a transfer stalled on a silent server ends too
     */
    public RunRecord run(JobDefinition job, RunTrigger trigger, RunProgress progress, StopRequest stop)
            throws JobAlreadyRunningException {
        RunStart start = runs.begin(job.name(), trigger, node);
        log.info("job {} run {} started ({}{})", job.name(), start.runId(), trigger.type(),
                start.resumes() == null ? "" : ", resuming run " + start.resumes());
        meters.runStarted(job.name());
        progress.began(start.runId());
        try {
            RunRecord record = execute(job, start, progress, stop);
            progress.ended(record);
            meters.runEnded(record, job.direction());
            return record;
        } finally {
            meters.runLeft(job.name());
        }
    }

    private RunRecord execute(JobDefinition job, RunStart start, RunProgress progress, StopRequest stop) {
        if (job.remote().tls() != TlsMode.NONE && !job.remote().verifyCertificate()) {
            log.warn("job {}: TLS certificate verification is off (verifyCertificate: false): the server is not authenticated",
                    job.name());
        }
        Execution execution = new Execution();
        ScheduledExecutorService heartbeat = Threads.scheduled("filesync-heartbeat");
        long period = RunRegistry.HEARTBEAT_INTERVAL.toMillis();
        heartbeat.scheduleAtFixedRate(() -> heartbeatQuietly(start.runId(), execution, stop), period, period,
                TimeUnit.MILLISECONDS);
        ThreadPoolTaskExecutor transferThreads = Threads.pool("filesync-transfer", job.parallel());
        try (SessionPool sessions = new SessionPool(sessionFactory(job), job.parallel())) {
            MirrorRunContext context = new MirrorRunContext(job, start.runId(), sessions, runs, transferLog, catalog,
                    transactions, progress, stop);
            Job springJob = new MirrorJobFactory(batch).create(context, transferThreads, execution::started);
            stop.whenRequested(sessions::abort);
            JobExecution ended = launch(springJob, start);
            sessions.connectionLimit().ifPresent(limit ->
                    runs.warn(start.runId(), "server limited connections to " + limit));
            if (ended.getStatus() != BatchStatus.COMPLETED) {
                RunStatus status = stop.isRequested() ? RunStatus.STOPPED : RunStatus.FAILED;
                runs.finish(start.runId(), status, transferLog.counters(start.runId()), failureOf(ended));
            }
        } catch (RuntimeException e) {
            runs.finish(start.runId(), RunStatus.FAILED, transferLog.counters(start.runId()), describe(e));
        } finally {
            heartbeat.shutdownNow();
            transferThreads.shutdown();
        }
        RunRecord record = new RunHistory(database.jdbc()).run(start.runId()).orElseThrow();
        log.info("job {} run {} ended {}: {} transferred, {} skipped, {} failed, {} deleted, {} bytes{}{}", job.name(),
                record.runId(), record.status(), record.filesTransferred(), record.filesSkipped(), record.filesFailed(),
                record.filesDeleted(), record.bytesTransferred(), record.error() == null ? "" : "; " + record.error(),
                record.warning() == null ? "" : "; " + record.warning());
        return record;
    }

    /** The run's Spring Batch execution id, once the job has started. */
    private static final class Execution {
        private volatile Long id;

        void started(long executionId) {
            id = executionId;
        }

        Long id() {
            return id;
        }
    }

    /**
     * Launches the run's job: a run that resumes a failed or stopped one restarts that run's job
     * instance (Spring Batch's restart, with the same identifying parameters); any other starts a
     * new instance, named by its run id.
     */
    private JobExecution launch(Job springJob, RunStart start) {
        JobExecution resumed = start.resumedExecution() == null ? null : batch.restartable(start.resumedExecution());
        JobParameters parameters = resumed != null ? resumed.getJobParameters()
                : new JobParametersBuilder().addLong("run", start.runId()).toJobParameters();
        batch.register(springJob);
        try {
            return batch.launcher().run(springJob, parameters);
        } catch (Exception e) {
            throw new IllegalStateException("cannot launch the batch job: " + FailureMessages.of(e), e);
        } finally {
            batch.unregister(springJob);
        }
    }

    private static String failureOf(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.STOPPED) {
            return "stop requested";
        }
        return execution.getAllFailureExceptions().stream().findFirst().map(MirrorRunner::describe)
                .orElse("the batch job ended " + execution.getStatus());
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure;
        while (!(cause instanceof RunFailedException) && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return FailureMessages.of(cause instanceof RunFailedException ? cause : failure);
    }

    private FtpSessionFactory sessionFactory(JobDefinition job) {
        BandwidthThrottle throttle = job.bandwidthLimit() > 0 ? new BandwidthThrottle(job.bandwidthLimit())
                : BandwidthThrottle.UNLIMITED;
        return sessionFactories.apply(JobSessionSettings.of(job, throttle));
    }

    /**
     * Also watches for a stop asked of the run from any process (an operator's, recorded on its
     * row) and for Spring Batch's stop of the execution from another process (its job operator).
     */
    private void heartbeatQuietly(long runId, Execution execution, StopRequest stop) {
        try {
            if (!runs.heartbeat(runId) && stop.request()) {
                log.warn("run {} was closed by another filesync process that took it for dead: stopping it", runId);
            }
            runs.stopRequestedBy(runId).filter(actor -> stop.request())
                    .ifPresent(actor -> log.info("run {}: stop requested by {}", runId, actor));
            Long id = execution.id();
            if (id != null && !stop.isRequested() && batch.isStopping(id) && stop.request()) {
                log.info("run {}: stop requested through Spring Batch", runId);
            }
        } catch (RuntimeException e) {
            log.debug("heartbeat of run {} failed: {}", runId, e.getMessage());
        }
    }
}
