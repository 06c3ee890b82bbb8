package org.filesync.history;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The file rows of runs: written as a plan in one batch, then updated in batches as transfers go. */
public final class TransferLog {

    /**
     * A row of the plan, or of a step's work on folders and deletions; {@code replyCode} where the
     * server's answer is why the row is FAILED.
     */
    public record NewTransfer(String path, TransferStatus status, long size, Instant sourceModified, String reason,
                              String message, Integer replyCode) {

        public NewTransfer(String path, TransferStatus status, long size, Instant sourceModified, String reason,
                           String message) {
            this(path, status, size, sourceModified, reason, message, null);
        }

        /** A path that failed outside the transfer of a file (a folder not created or deleted, a file not deleted). */
        public static NewTransfer failed(String path, String reason, Integer replyCode, String message) {
            return new NewTransfer(path, TransferStatus.FAILED, -1, null, reason, message, replyCode);
        }
    }

    /** The whole mutable state of one row, as the transfer step last knew it. */
    public record TransferState(long transferId, TransferStatus status, long bytesTransferred, long resumedFrom,
                                String restartMarker, Long markerOffset, int attempts, Integer replyCode,
                                String message, Instant startedAt, Instant finishedAt) {
    }

    /** What the newest unfinished row of a path in an earlier run knew. */
    public record Unfinished(long size, Instant sourceModified, String restartMarker, Long markerOffset) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    /** One transaction per batch: in autocommit mode each row of a batch is a commit of its own. */
    private final TransactionTemplate transactions;

    public TransferLog(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.template = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** A planned transfer not done yet, as the transfer step reads it. */
    public record Pending(long transferId, String path, long size) {
    }

    public void insert(long runId, String direction, List<NewTransfer> rows) {
        if (rows.isEmpty()) {
            return;
        }
        OffsetDateTime now = RunRegistry.now();
        transactions.executeWithoutResult(status -> template.batchUpdate("INSERT INTO fs_transfer (run_id, path, direction, status, file_size, source_modified, "
                        + "reason, message, reply_code, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows.stream().map(row -> new Object[] {runId, row.path(), direction, row.status().name(),
                        row.size() < 0 ? null : row.size(), utc(row.sourceModified()), row.reason(),
                        RunRegistry.truncate(row.message()), row.replyCode(),
                        row.status() == TransferStatus.PENDING ? null : now}).toList()));
    }

    /**
     * The run's rows that are not done yet (PENDING, or IN_PROGRESS when a run stopped in the middle),
     * largest first: their ids, in the order the transfer step takes them. One query for the whole
     * run, eight bytes a file once read (the driver's result holds more while it is read): paging
     * through the rows by size instead would scan and sort every row still pending once per page,
     * which grows with the square of the tree.
     */
    public long[] pendingIdsLargestFirst(long runId) {
        LongStream.Builder ids = LongStream.builder();
        jdbc.sql("SELECT transfer_id FROM fs_transfer WHERE run_id = :run AND status IN ('PENDING', 'IN_PROGRESS') "
                        + "ORDER BY COALESCE(file_size, -1) DESC, transfer_id")
                .param("run", runId)
                .query(rs -> {
                    ids.add(rs.getLong(1));
                });
        return ids.build().toArray();
    }

    /** The rows of {@code ids}, in that order: paths and sizes of a page of {@link #pendingIdsLargestFirst}. */
    public List<Pending> pending(long[] ids, int from, int to) {
        if (from >= to) {
            return List.of();
        }
        List<Long> page = Arrays.stream(ids, from, to).boxed().toList();
        Map<Long, Pending> byId = new HashMap<>();
        jdbc.sql("SELECT transfer_id, path, COALESCE(file_size, -1) FROM fs_transfer WHERE transfer_id IN (:ids)")
                .param("ids", page)
                .query(rs -> {
                    byId.put(rs.getLong(1), new Pending(rs.getLong(1), rs.getString(2), rs.getLong(3)));
                });
        return page.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /**
     * Writes the progress of files still moving, outside any transaction of the transfer step: a
     * row already closed (DONE, FAILED) keeps its final state.
     */
    public void checkpoint(List<TransferState> states) {
        if (states.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(status -> template.batchUpdate("UPDATE fs_transfer SET status = 'IN_PROGRESS', bytes_transferred = ?, "
                        + "resumed_from = ?, restart_marker = ?, marker_offset = ?, attempts = ?, started_at = ? "
                        + "WHERE transfer_id = ? AND status IN ('PENDING', 'IN_PROGRESS')",
                states.stream().map(state -> new Object[] {state.bytesTransferred(), state.resumedFrom(),
                        state.restartMarker(), state.markerOffset(), state.attempts(), utc(state.startedAt()),
                        state.transferId()}).toList()));
    }

    public void update(List<TransferState> states) {
        if (states.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(status -> template.batchUpdate("UPDATE fs_transfer SET status = ?, bytes_transferred = ?, resumed_from = ?, "
                        + "restart_marker = ?, marker_offset = ?, attempts = ?, reply_code = ?, message = ?, "
                        + "started_at = ?, finished_at = ? WHERE transfer_id = ?",
                states.stream().map(state -> new Object[] {state.status().name(), state.bytesTransferred(),
                        state.resumedFrom(), state.restartMarker(), state.markerOffset(), state.attempts(),
                        state.replyCode(), RunRegistry.truncate(state.message()), utc(state.startedAt()),
                        utc(state.finishedAt()), state.transferId()}).toList()));
    }

    /** The newest row of {@code path} among the job's last few runs before {@code runId}, when it did not finish. */
    public Optional<Unfinished> lastUnfinished(String job, String path, long runId) {
        return jdbc.sql("SELECT t.status, t.file_size, t.source_modified, t.restart_marker, t.marker_offset "
                        + "FROM fs_transfer t WHERE t.path = :path AND t.run_id IN (SELECT run_id FROM fs_run "
                        + "WHERE job_name = :job AND run_id < :run AND status <> 'SKIPPED' "
                        + "ORDER BY run_id DESC FETCH FIRST 5 ROWS ONLY) "
                        + "ORDER BY t.transfer_id DESC FETCH FIRST 1 ROWS ONLY")
                .param("path", path).param("job", job).param("run", runId)
                .query((rs, row) -> {
                    OffsetDateTime modified = rs.getObject(3, OffsetDateTime.class);
                    boolean unfinished = !rs.getString(1).equals(TransferStatus.DONE.name()) && rs.getObject(2) != null;
                    return Optional.ofNullable(unfinished ? new Unfinished(rs.getLong(2),
                            modified == null ? null : modified.toInstant(), rs.getString(4),
                            (Long) rs.getObject(5)) : null);
                })
                .optional().flatMap(found -> found);
    }

    /** Marks the run's rows that never finished as FAILED, with {@code reason}; returns how many there were. */
    public int failUnfinished(long runId, String reason) {
        return jdbc.sql("UPDATE fs_transfer SET status = 'FAILED', message = :reason, finished_at = :now "
                        + "WHERE run_id = :run AND status IN ('PENDING', 'IN_PROGRESS')")
                .param("reason", reason).param("now", RunRegistry.now()).param("run", runId).update();
    }

    /** The run's totals: its rows, and the files its plan found unchanged (which have no row). */
    public RunCounters counters(long runId) {
        Map<String, long[]> byStatus = new HashMap<>();
        jdbc.sql("SELECT status, COUNT(*), COALESCE(SUM(bytes_transferred), 0) FROM fs_transfer WHERE run_id = :run "
                        + "GROUP BY status")
                .param("run", runId)
                .query((rs, row) -> byStatus.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)})).list();
        long bytes = byStatus.values().stream().mapToLong(totals -> totals[1]).sum();
        int unchanged = jdbc.sql("SELECT files_unchanged FROM fs_run WHERE run_id = :run").param("run", runId)
                .query(Integer.class).optional().orElse(0);
        return new RunCounters(count(byStatus, TransferStatus.DONE), count(byStatus, TransferStatus.SKIPPED) + unchanged,
                count(byStatus, TransferStatus.FAILED), count(byStatus, TransferStatus.DELETED), bytes);
    }

    private static int count(Map<String, long[]> byStatus, TransferStatus status) {
        long[] totals = byStatus.get(status.name());
        return totals == null ? 0 : (int) totals[0];
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
