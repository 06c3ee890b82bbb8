package org.filesync.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.filesync.testing.PastRuns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention on a database holding a year of nightly runs: what goes (runs, their file rows,
 * their Spring Batch executions) and what stays.
 */
class RunPrunerTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Instant CUTOFF = NOW.minus(Duration.ofDays(90));

    private static final List<SyncedStateCatalog.Entry> CATALOG = List.of(
            new SyncedStateCatalog.Entry("pub/a", 1, NOW), new SyncedStateCatalog.Entry("pub/b", 2, null));
    /** Per job: day (days ago) → run id. */
    private static final Map<String, Map<Integer, Long>> RUNS = new HashMap<>();

    /** The year is written once; each test gets a copy of the database file. */
    @TempDir
    static Path template;

    @TempDir
    Path dir;

    private Database database;
    private RunPruner pruner;

    @BeforeAll
    static void aYearOfNightlyRuns() throws Exception {
        try (Database database = Database.open(settings(template), 2)) {
            PastRuns past = new PastRuns(database, NOW);
            for (int day = 365; day >= 1; day--) {
                RunStatus status = day == 150 || (day >= 89 && day <= 91) ? RunStatus.FAILED : RunStatus.COMPLETED;
                run("nightly", day, past.finished("nightly", day, status, 2));
                if (day == 200) {
                    run("nightly-skips", day, past.skipped("nightly", day));
                }
            }
            for (int day = 200; day >= 1; day--) {
                run("flaky", day, past.finished("flaky", day, day > 120 ? RunStatus.COMPLETED : RunStatus.FAILED, 1));
            }
            run("stuck", 300, past.finished("stuck", 300, RunStatus.COMPLETED, 1));
            run("stuck", 200, past.finished("stuck", 200, RunStatus.COMPLETED, 1));
            run("stuck", 100, past.running("stuck", 100, 3));
            run("retired", 300, past.finished("retired", 300, RunStatus.COMPLETED, 1));
            run("retired", 250, past.finished("retired", 250, RunStatus.COMPLETED, 1));
            run("retired", 240, past.finished("retired", 240, RunStatus.FAILED, 1));
            run("retired", 230, past.skipped("retired", 230));
            new SyncedStateCatalog(database.dataSource(), false).record("nightly", CATALOG);
        }
    }

    private static DatabaseSettings settings(Path folder) {
        return DatabaseSettings.resolve("jdbc:h2:file:" + folder.resolve("db"), Map.of());
    }

    private static void run(String job, int day, long runId) {
        RUNS.computeIfAbsent(job, name -> new HashMap<>()).put(day, runId);
    }

    @BeforeEach
    void open() throws Exception {
        Files.copy(template.resolve("db.mv.db"), dir.resolve("db.mv.db"));
        database = Database.open(settings(dir), 4);
        pruner = new RunPruner(database);
    }

    private long id(String job, int day) {
        return RUNS.get(job).get(day);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private Set<Long> remainingRuns() {
        return new TreeSet<>(database.jdbc().sql("SELECT run_id FROM fs_run").query(Long.class).list());
    }

    private Set<Long> ids(String job, IntStream days) {
        return days.mapToObj(day -> id(job, day)).collect(Collectors.toCollection(TreeSet::new));
    }

    private long count(String sql) {
        return database.jdbc().sql(sql).query(Long.class).single();
    }

    @Test
    void keepsRecentRunsTheLastCompletedOneRunningOnesAndThePredecessorsOfKeptRuns() {
        pruner.prune(CUTOFF, null);

        Set<Long> expected = new TreeSet<>();
        expected.addAll(ids("nightly", IntStream.rangeClosed(1, 89)));
        expected.add(id("nightly", 90)); // resumed by day 89, which stays
        expected.addAll(ids("flaky", IntStream.rangeClosed(1, 89)));
        expected.add(id("flaky", 90));
        expected.add(id("flaky", 121)); // its last COMPLETED run
        expected.add(id("stuck", 200)); // last COMPLETED
        expected.add(id("stuck", 100)); // RUNNING
        expected.add(id("retired", 250)); // last COMPLETED
        expected.add(id("retired", 240)); // newest that is not a SKIPPED fire: the next run resumes it
        assertThat(remainingRuns()).containsExactlyElementsOf(expected);
    }

    @Test
    void prunedRunsTakeTheirFileRowsAndSpringBatchExecutionsWithThemAndLeaveTheCatalog() {
        PruneReport report = pruner.prune(CUTOFF, null);

        assertThat(report.runs()).isEqualTo(276 + 109 + 1 + 2);
        assertThat(report.transfers()).isEqualTo(275 * 2 + 109 + 1 + 1);
        assertThat(report.batchExecutions()).isEqualTo(275 + 109 + 1 + 1);
        assertThat(report.jobs()).extracting(PruneReport.PrunedJob::job, PruneReport.PrunedJob::runs)
                .containsExactly(tuple("flaky", 109), tuple("nightly", 276), tuple("retired", 2), tuple("stuck", 1));
        assertThat(count("SELECT COUNT(*) FROM fs_transfer")).isEqualTo(90 * 2 + 91 + 1 + 3 + 1 + 1);
        long keptExecutions = count("SELECT COUNT(*) FROM fs_run WHERE batch_execution_id IS NOT NULL");
        assertThat(keptExecutions).isEqualTo(90 + 91 + 2 + 2);
        assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e WHERE e.JOB_EXECUTION_ID NOT IN "
                + "(SELECT batch_execution_id FROM fs_run WHERE batch_execution_id IS NOT NULL)")).isZero();
        assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(keptExecutions);
        assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION_PARAMS")).isEqualTo(keptExecutions);
        assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION_CONTEXT")).isEqualTo(keptExecutions);
        assertThat(count("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION")).isEqualTo(2 * keptExecutions);
        assertThat(count("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION_CONTEXT")).isEqualTo(2 * keptExecutions);
        assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE i WHERE NOT EXISTS "
                + "(SELECT 1 FROM BATCH_JOB_EXECUTION e WHERE e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID)")).isZero();
        assertThat(new SyncedStateCatalog(database.dataSource(), false).load("nightly").values())
                .containsExactlyInAnyOrderElementsOf(CATALOG);
    }

    @Test
    void previewReportsWhatPruneDeletesAndDeletesNothing() {
        Set<Long> before = remainingRuns();
        long transfers = count("SELECT COUNT(*) FROM fs_transfer");
        long executions = count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION");

        PruneReport preview = pruner.preview(CUTOFF, null);

        assertThat(remainingRuns()).isEqualTo(before);
        assertThat(count("SELECT COUNT(*) FROM fs_transfer")).isEqualTo(transfers);
        assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(executions);
        assertThat(preview.dryRun()).isTrue();
        PruneReport pruned = pruner.prune(CUTOFF, null);
        assertThat(preview).usingRecursiveComparison().ignoringFields("dryRun").isEqualTo(pruned);
        assertThat(pruned.runs()).isEqualTo(before.size() - remainingRuns().size());
    }

    @Test
    void aRunOfManySlicesLosesEveryFileRowAndAKeptRunWhoseRowsLieBetweenThemKeepsAll() {
        long pruned = id("nightly", 300);
        long kept = id("nightly", 1);
        int rows = 2 * RunPruner.TRANSFERS_PER_DELETE + 500;
        database.jdbc().sql("INSERT INTO fs_transfer (run_id, path, direction, status) SELECT CASEWHEN(MOD(X, 2) = 0, :pruned, "
                        + ":kept), CONCAT('pub/many', X), 'DOWNLOAD', 'DONE' FROM SYSTEM_RANGE(1, :rows)")
                .param("pruned", pruned).param("kept", kept).param("rows", 2 * rows).update();

        pruner.prune(CUTOFF, null);

        assertThat(count("SELECT COUNT(*) FROM fs_transfer WHERE run_id = " + pruned)).isZero();
        assertThat(count("SELECT COUNT(*) FROM fs_transfer WHERE run_id = " + kept + " AND path LIKE 'pub/many%'"))
                .isEqualTo(rows);
    }

    @Test
    void pruneOfOneJobLeavesTheOtherJobsRunsAlone() {
        Set<Long> others = new TreeSet<>(remainingRuns());
        others.removeAll(RUNS.get("flaky").values());

        PruneReport report = pruner.prune(CUTOFF, "flaky");

        assertThat(report.jobs()).extracting(PruneReport.PrunedJob::job).containsExactly("flaky");
        assertThat(remainingRuns()).containsAll(others)
                .hasSize(others.size() + 91);
    }

    @Test
    void keptRunsReadAsBeforeAndASparedRunNoLongerNamesThePrunedRunItResumed() {
        RunHistory history = new RunHistory(database.jdbc());
        RunDetails recent = history.details(id("nightly", 89)).orElseThrow();

        pruner.prune(CUTOFF, null);

        assertThat(history.details(id("nightly", 89))).contains(recent);
        assertThat(recent.run().resumes()).isEqualTo(id("nightly", 90));
        assertThat(history.run(id("nightly", 90)).orElseThrow().resumes()).isNull();
        assertThat(history.recentRuns("nightly", 1000)).hasSize(90);
        assertThat(history.lastRunOfEachJob().get("stuck").status()).isEqualTo(RunStatus.RUNNING);
    }

    @Test
    void aRunningRunsOpenTransactionDoesNotHoldPruneUp() throws Exception {
        long running = id("stuck", 100);
        try (Connection run = database.dataSource().getConnection()) {
            run.setAutoCommit(false);
            run.createStatement().executeUpdate("UPDATE fs_run SET heartbeat_at = CURRENT_TIMESTAMP WHERE run_id = " + running);
            run.createStatement().executeUpdate("UPDATE fs_transfer SET status = 'IN_PROGRESS' WHERE run_id = " + running);

            PruneReport report = pruner.prune(CUTOFF, null);

            assertThat(report.runs()).isPositive();
            run.commit();
        }
        assertThat(count("SELECT COUNT(*) FROM fs_transfer WHERE run_id = " + running + " AND status = 'IN_PROGRESS'"))
                .isEqualTo(3);
    }
}
