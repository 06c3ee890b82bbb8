package org.filesync.history;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registry of runs and their leases: registers, heartbeats and closes runs. Registration
 * holds the job's lock row, so two starts of one job can never both succeed; a RUNNING run whose
 * process is gone (same host: its pid is dead; other hosts: no heartbeat for {@link #STALE_AFTER})
 * is closed as FAILED on the way.
 */
public final class RunRegistry {

    public static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(5);
    static final Duration STALE_AFTER = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public RunRegistry(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    private record LiveRun(long runId, String node, String host, Long pid, OffsetDateTime heartbeat, String job) {
    }

    /** @throws JobAlreadyRunningException when a live run of the job exists */
    public RunStart begin(String job, RunTrigger trigger, NodeIdentity node) throws JobAlreadyRunningException {
        ensureLockRow(job);
        Registration registration = transactions.execute(status -> register(job, trigger, node));
        if (registration.refused() != null) {
            throw registration.refused();
        }
        return registration.start();
    }

    /** What registering a run came to: the run, or the live run that refused it. */
    private record Registration(RunStart start, JobAlreadyRunningException refused) {
    }

    private Registration register(String job, RunTrigger trigger, NodeIdentity node) {
        jdbc.sql("SELECT job_name FROM fs_job_lock WHERE job_name = :job FOR UPDATE").param("job", job)
                .query(String.class).single();
        for (LiveRun running : runningRuns(job)) {
            if (isAlive(running, node, STALE_AFTER)) {
                return new Registration(null, new JobAlreadyRunningException(job, running.runId(), running.node()));
            }
            closeInterrupted(running);
        }
        Previous previous = jdbc.sql("SELECT run_id, status, batch_execution_id FROM fs_run WHERE job_name = :job "
                        + "AND status <> 'SKIPPED' ORDER BY run_id DESC FETCH FIRST 1 ROWS ONLY")
                .param("job", job)
                .query((rs, row) -> new Previous(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3)))
                .optional().orElse(null);
        boolean resuming = previous != null && previous.batchExecution() != null
                && (previous.status().equals("FAILED") || previous.status().equals("STOPPED"));
        long runId = insertRun(job, RunStatus.RUNNING, trigger, node, resuming ? previous.runId() : null);
        return new Registration(resuming ? new RunStart(runId, previous.runId(), previous.batchExecution())
                : new RunStart(runId, null, null), null);
    }

    private record Previous(long runId, String status, Long batchExecution) {
    }

    /** Records a fire (scheduled, or asked for by an operator) that did not run because its job was still running. */
    public long skipped(String job, RunTrigger trigger, NodeIdentity node, String reason) {
        long runId = insertRun(job, RunStatus.SKIPPED, trigger, node, null);
        jdbc.sql("UPDATE fs_run SET finished_at = started_at, error = :reason WHERE run_id = :id")
                .param("reason", reason).param("id", runId).update();
        return runId;
    }

    /** Closes every RUNNING run whose process is gone (serve does this at start-up). */
    public int closeDeadRuns(NodeIdentity node) {
        List<LiveRun> dead = allRunningRuns().stream().filter(run -> !isAlive(run, node, STALE_AFTER)).toList();
        dead.forEach(this::closeInterrupted);
        return dead.size();
    }

    /**
     * Closes the job's RUNNING runs that have not sent a heartbeat for {@code silentFor} (shorter
     * than the usual {@link #STALE_AFTER}), unless their process is seen alive on this host. For a
     * fire the scheduler cluster recovers: it has already found the node that ran it silent, so
     * waiting out the full staleness would only delay the resume.
     *
     * @return how many runs were closed
     */
    public int closeSilentRuns(String job, NodeIdentity node, Duration silentFor) {
        ensureLockRow(job);
        return transactions.execute(status -> {
            jdbc.sql("SELECT job_name FROM fs_job_lock WHERE job_name = :job FOR UPDATE").param("job", job)
                    .query(String.class).single();
            List<LiveRun> silent = runningRuns(job).stream().filter(run -> !isAlive(run, node, silentFor)).toList();
            silent.forEach(this::closeInterrupted);
            return silent.size();
        });
    }

    /** The jobs that have a RUNNING run whose process is alive, as seen from {@code observer}. */
    public Set<String> runningJobs(NodeIdentity observer) {
        Set<String> jobs = new TreeSet<>();
        allRunningRuns().stream().filter(run -> isAlive(run, observer, STALE_AFTER)).forEach(run -> jobs.add(run.job()));
        return jobs;
    }

    private List<LiveRun> allRunningRuns() {
        return runningRuns(null);
    }

    /** Records the files the run's plan found unchanged: they are counted, not written as rows. */
    public void planned(long runId, int unchanged) {
        jdbc.sql("UPDATE fs_run SET files_unchanged = :unchanged WHERE run_id = :id")
                .param("unchanged", unchanged).param("id", runId).update();
    }

    /** Names the Spring Batch job execution of the run, as soon as it starts: a later run restarts its job instance. */
    public void attachExecution(long runId, long executionId) {
        jdbc.sql("UPDATE fs_run SET batch_execution_id = :execution WHERE run_id = :id")
                .param("execution", executionId).param("id", runId).update();
    }

    /**
     * @return false when the run is no longer RUNNING: another process took it for dead and closed
     *     it (a long pause, a clock far off), so this one must stop rather than run beside its successor
     */
    public boolean heartbeat(long runId) {
        return jdbc.sql("UPDATE fs_run SET heartbeat_at = :now WHERE run_id = :id AND status = 'RUNNING'")
                .param("now", now()).param("id", runId).update() > 0;
    }

    /**
     * Asks a RUNNING run to stop, whichever process runs it: that process sees the request at its
     * next heartbeat ({@link #stopRequestedBy}).
     *
     * @return false when the run is not RUNNING (any more)
     */
    public boolean requestStop(long runId, String actor) {
        return jdbc.sql("UPDATE fs_run SET stop_requested_by = :actor WHERE run_id = :id AND status = 'RUNNING'")
                .param("actor", actor).param("id", runId).update() > 0;
    }

    /** Who asked the run to stop, when someone did. */
    public Optional<String> stopRequestedBy(long runId) {
        return jdbc.sql("SELECT stop_requested_by FROM fs_run WHERE run_id = :id AND stop_requested_by IS NOT NULL")
                .param("id", runId).query(String.class).optional();
    }

    /** Notes what the operator should know of the run, whatever its outcome ("server limited connections to 2"). */
    public void warn(long runId, String warning) {
        jdbc.sql("UPDATE fs_run SET warning = :warning WHERE run_id = :id").param("warning", truncate(warning))
                .param("id", runId).update();
    }

    public void finish(long runId, RunStatus status, RunCounters counters, String error) {
        jdbc.sql("UPDATE fs_run SET status = :status, finished_at = :now, files_transferred = :transferred, "
                        + "files_skipped = :skipped, files_failed = :failed, files_deleted = :deleted, "
                        + "bytes_transferred = :bytes, error = :error WHERE run_id = :id AND status = 'RUNNING'")
                .param("status", status.name()).param("now", now())
                .param("transferred", counters.filesTransferred()).param("skipped", counters.filesSkipped())
                .param("failed", counters.filesFailed()).param("deleted", counters.filesDeleted())
                .param("bytes", counters.bytesTransferred()).param("error", truncate(error)).param("id", runId)
                .update();
    }

    private void ensureLockRow(String job) {
        if (jdbc.sql("SELECT COUNT(*) FROM fs_job_lock WHERE job_name = :job").param("job", job)
                .query(Integer.class).single() == 0) {
            try {
                jdbc.sql("INSERT INTO fs_job_lock (job_name) VALUES (:job)").param("job", job).update();
            } catch (DuplicateKeyException e) {
                // another process inserted it first: fine, the row is what we need
            }
        }
    }

    /** The RUNNING rows of {@code job}, or of every job when it is null. */
    private List<LiveRun> runningRuns(String job) {
        return jdbc.sql("SELECT run_id, node, host_name, pid, heartbeat_at, job_name FROM fs_run "
                        + "WHERE status = 'RUNNING' AND (:job IS NULL OR job_name = :job)")
                .param("job", job, java.sql.Types.VARCHAR)
                .query((rs, row) -> new LiveRun(rs.getLong(1), rs.getString(2), rs.getString(3),
                        (Long) rs.getObject(4), rs.getObject(5, OffsetDateTime.class), rs.getString(6)))
                .list();
    }

    /**
     * A run lives while its heartbeat is fresh. On its own host a dead pid tells sooner that it is
     * gone (kill -9, then run again at once); a live pid proves nothing, since pids are reused
     * (a container's java is often pid 1 after every restart), so the heartbeat still decides.
     */
    private static boolean isAlive(LiveRun run, NodeIdentity self, Duration staleAfter) {
        boolean sameHost = run.host() != null && run.host().equals(self.host()) && run.pid() != null;
        if (sameHost && run.pid() == self.pid()) {
            return true;
        }
        if (sameHost && !ProcessHandle.of(run.pid()).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        return run.heartbeat() != null && run.heartbeat().toInstant().isAfter(Instant.now().minus(staleAfter));
    }

    private void closeInterrupted(LiveRun run) {
        jdbc.sql("UPDATE fs_run SET status = 'FAILED', finished_at = :now, error = :error WHERE run_id = :id")
                .param("now", now()).param("id", run.runId())
                .param("error", "interrupted: the process running it (" + run.node() + ") died")
                .update();
        jdbc.sql("UPDATE fs_transfer SET status = 'FAILED', message = 'interrupted', finished_at = :now "
                        + "WHERE run_id = :id AND status IN ('PENDING', 'IN_PROGRESS')")
                .param("now", now()).param("id", run.runId()).update();
    }

    private long insertRun(String job, RunStatus status, RunTrigger trigger, NodeIdentity node, Long resumes) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO fs_run (job_name, status, trigger_type, started_at, fire_time, node, host_name, pid, "
                        + "heartbeat_at, resumes_run_id, started_by) VALUES (:job, :status, :trigger, :now, :fire, :node, :host, "
                        + ":pid, :now, :resumes, :startedBy)")
                .param("job", job).param("status", status.name()).param("trigger", trigger.type()).param("now", now())
                .param("fire", trigger.fireTime() == null ? null : trigger.fireTime().atOffset(ZoneOffset.UTC))
                .param("node", node.name()).param("host", node.host()).param("pid", node.pid())
                .param("resumes", resumes).param("startedBy", trigger.startedBy())
                .update(keys);
        return GeneratedKeys.id(keys, "run_id");
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    static String truncate(String text) {
        return text == null || text.length() <= 4000 ? text : text.substring(0, 3997) + "...";
    }
}
