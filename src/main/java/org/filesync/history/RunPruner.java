package org.filesync.history;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * History retention: deletes runs started before a cut-off, with their file rows and their
 * Spring Batch job executions. It keeps what later runs and people still need: a RUNNING run, each
 * job's last COMPLETED run, each job's newest run that was not a SKIPPED fire (the one its next run
 * resumes when it failed or stopped), and the run each kept run resumes. The synced-state catalog
 * is never touched. Work goes in small transactions, so the runs of a busy scheduler never wait
 * long for a lock.
 */
public final class RunPruner {

    /** Runs whose own rows and Spring Batch rows go in one transaction. */
    static final int RUNS_PER_TRANSACTION = 100;
    /**
     * File rows per DELETE statement, each committed on its own. Smaller slices keep H2 from writing
     * a large uncommitted delete again at every commit of a running job: a million rows beside a job
     * committing every 20 ms took 204 s on H2 in slices of 10,000, 50 s in slices of 1,000.
     */
    static final int TRANSFERS_PER_DELETE = 1_000;

    /**
     * The last row of a run's next slice, in the order of the (run_id, transfer_id) index; none when
     * fewer rows are left. A slice bounded by it is one range of that index on both databases:
     * PostgreSQL deleted a million rows in 2.3 to 2.8 s this way, in 3.6 to 3.9 s through
     * {@code transfer_id IN (a subquery of 1,000)}, whose plan turned to a scan of the whole table for
     * 10,000 (18 to 25 s). The lower bound is what makes H2 read that index: without a condition on
     * transfer_id it reads the foreign key's index on run_id alone and sorts the whole run for each slice.
     */
    private static final String SLICE_END = "SELECT transfer_id FROM fs_transfer WHERE run_id = :run AND transfer_id > :after "
            + "ORDER BY run_id, transfer_id OFFSET " + (TRANSFERS_PER_DELETE - 1) + " ROWS FETCH NEXT 1 ROW ONLY";
    private static final String DELETE_SLICE = "DELETE FROM fs_transfer WHERE run_id = :run AND transfer_id > :after "
            + "AND transfer_id <= :end";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public RunPruner(Database database) {
        this.jdbc = database.jdbc();
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
    }

    private record Doomed(long runId, String job, Long batchExecution) {
    }

    /** Deletes what {@link #preview} reports; {@code job} null means every job. */
    public PruneReport prune(Instant cutoff, String job) {
        return walk(cutoff, job, true);
    }

    /** What {@link #prune} would delete, deleting nothing. */
    public PruneReport preview(Instant cutoff, String job) {
        return walk(cutoff, job, false);
    }

    private PruneReport walk(Instant cutoff, String job, boolean delete) {
        List<Doomed> doomed = doomed(cutoff, job);
        Map<String, long[]> perJob = new TreeMap<>();
        long transfers = 0;
        int executions = 0;
        for (int from = 0; from < doomed.size(); from += RUNS_PER_TRANSACTION) {
            List<Doomed> group = doomed.subList(from, Math.min(doomed.size(), from + RUNS_PER_TRANSACTION));
            List<Long> runIds = group.stream().map(Doomed::runId).toList();
            List<Long> executionIds = group.stream().map(Doomed::batchExecution).filter(id -> id != null).toList();
            executions += executionIds.isEmpty() ? 0 : existingExecutions(executionIds);
            // a prune counts what its deletes removed: a count first read every row once more
            Map<Long, Long> rows = delete ? deleteTransfers(runIds) : transferRows(runIds);
            for (Doomed run : group) {
                long[] counts = perJob.computeIfAbsent(run.job(), name -> new long[2]);
                counts[0]++;
                counts[1] += rows.getOrDefault(run.runId(), 0L);
                transfers += rows.getOrDefault(run.runId(), 0L);
            }
            if (delete) {
                transactions.executeWithoutResult(status -> {
                    deleteExecutions(executionIds);
                    deleteRuns(runIds);
                });
            }
        }
        List<PruneReport.PrunedJob> jobs = new ArrayList<>();
        perJob.forEach((name, counts) -> jobs.add(new PruneReport.PrunedJob(name, (int) counts[0], counts[1])));
        return new PruneReport(cutoff, !delete, doomed.size(), transfers, executions, List.copyOf(jobs));
    }

    /** The runs to delete, oldest first. */
    private List<Doomed> doomed(Instant cutoff, String job) {
        Set<Long> kept = Set.copyOf(jdbc.sql("SELECT MAX(run_id) FROM fs_run WHERE status = 'COMPLETED' GROUP BY job_name "
                + "UNION SELECT MAX(run_id) FROM fs_run WHERE status <> 'SKIPPED' GROUP BY job_name")
                .query(Long.class).list());
        Map<Long, Doomed> doomed = new LinkedHashMap<>();
        jdbc.sql("SELECT run_id, job_name, batch_execution_id FROM fs_run "
                        + "WHERE started_at < :cutoff AND status <> 'RUNNING' AND (:job IS NULL OR job_name = :job) "
                        + "ORDER BY run_id")
                .param("cutoff", cutoff.atOffset(ZoneOffset.UTC)).param("job", job, java.sql.Types.VARCHAR)
                .query((rs, row) -> new Doomed(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3)))
                .list().stream().filter(run -> !kept.contains(run.runId())).forEach(run -> doomed.put(run.runId(), run));
        spareWhatKeptRunsResume(doomed);
        return List.copyOf(doomed.values());
    }

    /**
     * A kept run's predecessor stays too: a run that resumes another restarts that run's Spring Batch
     * job instance, and may still be running. One level only, so a job that failed for months does
     * not keep its whole series: a spared run's own link to a pruned run is cut (see {@link #deleteRuns}).
     */
    private void spareWhatKeptRunsResume(Map<Long, Doomed> doomed) {
        List<Long> resumedByKeptRuns = jdbc.sql("SELECT run_id, resumes_run_id FROM fs_run WHERE resumes_run_id IS NOT NULL")
                .query((rs, row) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .list().stream().filter(link -> !doomed.containsKey(link.getKey())).map(Map.Entry::getValue).toList();
        resumedByKeptRuns.forEach(doomed::remove);
    }

    private Map<Long, Long> transferRows(List<Long> runIds) {
        return jdbc.sql("SELECT run_id, COUNT(*) FROM fs_transfer WHERE run_id IN (:runs) GROUP BY run_id")
                .param("runs", runIds)
                .query((rs, row) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private int existingExecutions(List<Long> executionIds) {
        return jdbc.sql("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID IN (:executions)")
                .param("executions", executionIds).query(Integer.class).single();
    }

    /**
     * A run may hold a million rows: they go a slice per statement, each its own transaction, one
     * run after the other. No list of ids crosses the wire: deleting through the run's index H2
     * compared each row with every value of an {@code IN} list of parameters, and evaluated
     * {@code IN (subquery)} again for every row.
     *
     * @return the rows deleted, by run
     */
    private Map<Long, Long> deleteTransfers(List<Long> runIds) {
        Map<Long, Long> deleted = new HashMap<>();
        for (long runId : runIds) {
            long after = Long.MIN_VALUE;
            long rows = 0;
            Optional<Long> sliceEnd;
            do {
                sliceEnd = jdbc.sql(SLICE_END).param("run", runId).param("after", after).query(Long.class).optional();
                long end = sliceEnd.orElse(Long.MAX_VALUE);
                rows += jdbc.sql(DELETE_SLICE).param("run", runId).param("after", after).param("end", end).update();
                after = end;
            } while (sliceEnd.isPresent());
            deleted.put(runId, rows);
        }
        return deleted;
    }

    /** Children before parents, as Spring Batch's foreign keys require; an instance goes with its last execution. */
    private void deleteExecutions(List<Long> executionIds) {
        if (executionIds.isEmpty()) {
            return;
        }
        Set<Long> instances = Set.copyOf(jdbc.sql("SELECT DISTINCT JOB_INSTANCE_ID FROM BATCH_JOB_EXECUTION "
                        + "WHERE JOB_EXECUTION_ID IN (:executions)")
                .param("executions", executionIds).query(Long.class).list());
        List<Long> steps = jdbc.sql("SELECT STEP_EXECUTION_ID FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID IN (:executions)")
                .param("executions", executionIds).query(Long.class).list();
        if (!steps.isEmpty()) {
            jdbc.sql("DELETE FROM BATCH_STEP_EXECUTION_CONTEXT WHERE STEP_EXECUTION_ID IN (:steps)")
                    .param("steps", steps).update();
        }
        for (String table : List.of("BATCH_STEP_EXECUTION", "BATCH_JOB_EXECUTION_CONTEXT", "BATCH_JOB_EXECUTION_PARAMS",
                "BATCH_JOB_EXECUTION")) {
            jdbc.sql("DELETE FROM " + table + " WHERE JOB_EXECUTION_ID IN (:executions)")
                    .param("executions", executionIds).update();
        }
        if (!instances.isEmpty()) {
            jdbc.sql("DELETE FROM BATCH_JOB_INSTANCE WHERE JOB_INSTANCE_ID IN (:instances) AND NOT EXISTS "
                            + "(SELECT 1 FROM BATCH_JOB_EXECUTION e WHERE e.JOB_INSTANCE_ID = BATCH_JOB_INSTANCE.JOB_INSTANCE_ID)")
                    .param("instances", instances).update();
        }
    }

    /**
     * Links to the group are cut first: from spared runs, and inside the group, since a database may
     * check a self-reference row by row.
     */
    private void deleteRuns(List<Long> runIds) {
        jdbc.sql("UPDATE fs_run SET resumes_run_id = NULL WHERE resumes_run_id IN (:runs)").param("runs", runIds).update();
        jdbc.sql("DELETE FROM fs_run WHERE run_id IN (:runs) AND status <> 'RUNNING'").param("runs", runIds).update();
    }
}
