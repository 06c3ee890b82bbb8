package org.filesync.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Read-only queries over the runs and their file transfers, for {@code history}, {@code show} and {@code jobs}. */
public final class RunHistory {

    private static final String RUN_COLUMNS = "run_id, job_name, status, started_at, finished_at, trigger_type, "
            + "files_transferred, files_skipped, files_failed, files_deleted, bytes_transferred, error, "
            + "resumes_run_id, fire_time, node, started_by, warning";
    static final String TRANSFER_COLUMNS = "path, direction, status, file_size, bytes_transferred, resumed_from, "
            + "attempts, reply_code, message, started_at, finished_at";

    private final JdbcClient jdbc;

    public RunHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs newest first, of one job or of all when {@code job} is null. */
    public List<RunRecord> recentRuns(String job, int limit) {
        return recentRuns(job, 0, limit);
    }

    /** Runs newest first, of one job or of all when {@code job} is null, the first {@code skip} of them left out. */
    public List<RunRecord> recentRuns(String job, int skip, int limit) {
        String where = job == null ? "" : " WHERE job_name = :job";
        var statement = jdbc.sql("SELECT " + RUN_COLUMNS + " FROM fs_run" + where
                        + " ORDER BY started_at DESC, run_id DESC OFFSET :skip ROWS FETCH NEXT :limit ROWS ONLY")
                .param("skip", skip).param("limit", limit);
        if (job != null) {
            statement = statement.param("job", job);
        }
        return statement.query(RunHistory::run).list();
    }

    public Optional<RunRecord> run(long runId) {
        return jdbc.sql("SELECT " + RUN_COLUMNS + " FROM fs_run WHERE run_id = :id").param("id", runId)
                .query(RunHistory::run).optional();
    }

    /** The run with its transfers and alerts, or empty when there is no such run. */
    public Optional<RunDetails> details(long runId) {
        return run(runId).map(run -> new RunDetails(run, transfers(runId), notifications(runId), actions(runId)));
    }

    /** How many of the run's skipped files its plan found unchanged: they are counted, and have no row. */
    public int unchanged(long runId) {
        return jdbc.sql("SELECT files_unchanged FROM fs_run WHERE run_id = :id").param("id", runId)
                .query(Integer.class).optional().orElse(0);
    }

    /**
     * The runs {@code run} continues (oldest first), following {@code resumes} back, and the runs that
     * continued it in turn. A run only ever resumes an older one, so neither walk can go round.
     */
    public ResumeChain resumeChain(RunRecord run) {
        List<Long> earlier = new ArrayList<>();
        for (Long id = run.resumes(); id != null; id = run(id).map(RunRecord::resumes).orElse(null)) {
            earlier.add(0, id);
        }
        List<Long> later = new ArrayList<>();
        for (Optional<Long> id = resumedBy(run.runId()); id.isPresent(); id = resumedBy(id.get())) {
            later.add(id.get());
        }
        return new ResumeChain(earlier, later);
    }

    private Optional<Long> resumedBy(long runId) {
        return jdbc.sql("SELECT MIN(run_id) FROM fs_run WHERE resumes_run_id = :id").param("id", runId)
                .query((rs, row) -> nullableLong(rs, 1)).optional();
    }

    /** The newest run of each job that has one. */
    public Map<String, RunRecord> lastRunOfEachJob() {
        Map<String, RunRecord> last = new LinkedHashMap<>();
        // one pass over the runs, not one per run: a correlated MAX took H2 most of the console's overview at 1,000 runs
        jdbc.sql("SELECT " + RUN_COLUMNS + " FROM fs_run WHERE run_id IN (SELECT MAX(run_id) FROM fs_run GROUP BY job_name)")
                .query(RunHistory::run).list().forEach(run -> last.put(run.job(), run));
        return last;
    }

    /** When each job's newest COMPLETED run ended, of the jobs that have one. */
    public Map<String, Instant> lastSuccessOfEachJob() {
        Map<String, Instant> last = new LinkedHashMap<>();
        jdbc.sql("SELECT job_name, MAX(finished_at) FROM fs_run WHERE status = 'COMPLETED' GROUP BY job_name")
                .query((rs, row) -> last.put(rs.getString(1), instant(rs, 2))).list();
        return last;
    }

    /** The actions on the run, such as who stopped it. */
    public List<ActionRecord> actions(long runId) {
        return new ActionLog(jdbc).ofRun(runId);
    }

    public List<NotificationRecord> notifications(long runId) {
        return jdbc.sql("SELECT channel, event, status, attempts, error, sent_at FROM fs_notification "
                        + "WHERE run_id = :run ORDER BY notification_id")
                .param("run", runId)
                .query((rs, row) -> new NotificationRecord(rs.getString(1), rs.getString(2),
                        NotificationStatus.valueOf(rs.getString(3)), rs.getInt(4), rs.getString(5), instant(rs, 6)))
                .list();
    }

    /**
     * The status of the job's last run that ended COMPLETED or as a failure (FAILED,
     * COMPLETED_WITH_ERRORS, SKIPPED) before {@code run} ended; empty when there is none.
     */
    public Optional<RunStatus> previousOutcome(RunRecord run) {
        return jdbc.sql("SELECT status FROM fs_run WHERE job_name = :job AND run_id <> :id AND finished_at <= :finished "
                        + "AND status IN ('COMPLETED', 'FAILED', 'COMPLETED_WITH_ERRORS', 'SKIPPED') "
                        + "ORDER BY finished_at DESC, run_id DESC FETCH FIRST 1 ROWS ONLY")
                .param("job", run.job()).param("id", run.runId())
                .param("finished", run.finishedAt().atOffset(ZoneOffset.UTC))
                .query((rs, row) -> RunStatus.valueOf(rs.getString(1))).optional();
    }

    /** Whether a run answering the job's fire of {@code fireTime} had ended COMPLETED by {@code due}. */
    public boolean completedInTime(String job, Instant fireTime, Instant due) {
        return jdbc.sql("SELECT COUNT(*) FROM fs_run WHERE job_name = :job AND fire_time = :fire AND status = 'COMPLETED' "
                        + "AND finished_at <= :due")
                .param("job", job).param("fire", fireTime.atOffset(ZoneOffset.UTC)).param("due", due.atOffset(ZoneOffset.UTC))
                .query(Long.class).single() > 0;
    }

    public List<TransferRecord> transfers(long runId) {
        return jdbc.sql("SELECT " + TRANSFER_COLUMNS + " FROM fs_transfer WHERE run_id = :id ORDER BY path")
                .param("id", runId).query(RunHistory::transfer).list();
    }

    /** The run's first {@code limit} FAILED files by path: for an alert, which cannot list thousands. */
    public List<TransferRecord> failedTransfers(long runId, int limit) {
        return jdbc.sql("SELECT " + TRANSFER_COLUMNS + " FROM fs_transfer WHERE run_id = :id AND status = 'FAILED' "
                        + "ORDER BY path FETCH FIRST :limit ROWS ONLY")
                .param("id", runId).param("limit", limit).query(RunHistory::transfer).list();
    }

    static TransferRecord transfer(ResultSet rs, int row) throws SQLException {
        return new TransferRecord(rs.getString(1), rs.getString(2), TransferStatus.valueOf(rs.getString(3)),
                nullableLong(rs, 4), rs.getLong(5), rs.getLong(6), rs.getInt(7), nullableInt(rs, 8), rs.getString(9),
                instant(rs, 10), instant(rs, 11));
    }

    private static RunRecord run(ResultSet rs, int row) throws SQLException {
        return new RunRecord(rs.getLong(1), rs.getString(2), RunStatus.valueOf(rs.getString(3)), instant(rs, 4),
                instant(rs, 5), rs.getString(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10),
                rs.getLong(11), rs.getString(12), nullableLong(rs, 13), instant(rs, 14), rs.getString(15), rs.getString(16),
                rs.getString(17));
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Integer nullableInt(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
