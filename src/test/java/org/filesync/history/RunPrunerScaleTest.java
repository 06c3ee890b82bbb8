package org.filesync.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.filesync.testing.PastRuns;
import org.filesync.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pruning a large history, on H2 and on PostgreSQL: 100 old runs and their file rows go, the recent
 * run stays. The time it took is logged (surefire's report file), not asserted. The suite prunes
 * 100,000 rows; {@code -Dfilesync.prune.rows=1000000} measures a million.
 */
class RunPrunerScaleTest {

    private static final int RUNS = 100;
    private static final int ROWS_PER_RUN = Integer.getInteger("filesync.prune.rows", 100_000) / RUNS;
    private static final Logger log = LoggerFactory.getLogger(RunPrunerScaleTest.class);

    @TempDir
    Path dir;

    @Test
    void prunesManyFileRowsOnH2() throws Exception {
        try (Database database = TestDatabases.h2(dir, 3)) {
            prunesManyFileRows(database, "SELECT X FROM SYSTEM_RANGE(1, " + ROWS_PER_RUN + ")");
        }
    }

    @Test
    void prunesManyFileRowsOnPostgresql() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start();
             Database database = TestDatabases.postgres(postgres, 3)) {
            prunesManyFileRows(database, "SELECT generate_series(1, " + ROWS_PER_RUN + ")");
        }
    }

    private void prunesManyFileRows(Database database, String numbers) throws Exception {
        PastRuns past = new PastRuns(database, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        for (int day = 100 + RUNS; day > 100; day--) {
            long runId = past.finished("big", day, RunStatus.COMPLETED, 0);
            database.jdbc().sql("INSERT INTO fs_transfer (run_id, path, direction, status, file_size, bytes_transferred) "
                    + "SELECT " + runId + ", CONCAT('pub/f', n), 'DOWNLOAD', 'DONE', 4096, 4096 FROM (" + numbers + ") g(n)")
                    .update();
        }
        long kept = past.finished("big", 1, RunStatus.COMPLETED, 5);
        long running = past.running("busy", 0, 0);
        RunningJobWrites writes = new RunningJobWrites(new TransferLog(database.dataSource()), running);

        long started = System.nanoTime();
        PruneReport report;
        try (writes) {
            report = new RunPruner(database).prune(Instant.now().minus(Duration.ofDays(90)), null);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;

        log.info("pruned {} runs and {} file rows on {} in {} ms; meanwhile a running job wrote {} rows, "
                + "its slowest write took {} ms", report.runs(), report.transfers(), database.settings().vendor(), millis,
                writes.count(), writes.slowestMillis());
        assertThat(report.runs()).isEqualTo(RUNS);
        assertThat(report.transfers()).isEqualTo((long) RUNS * ROWS_PER_RUN);
        assertThat(database.jdbc().sql("SELECT COUNT(*) FROM fs_transfer").query(Long.class).single())
                .isEqualTo(5 + writes.count());
        assertThat(database.jdbc().sql("SELECT run_id FROM fs_run").query(Long.class).list())
                .containsExactlyInAnyOrder(kept, running);
    }

    /** A running job's writes beside the prune, one row per commit, as a transfer step records its files. */
    private static final class RunningJobWrites implements AutoCloseable {

        private final AtomicBoolean stop = new AtomicBoolean();
        private final AtomicLong slowest = new AtomicLong();
        private final AtomicInteger count = new AtomicInteger();
        private final Thread thread;

        RunningJobWrites(TransferLog transfers, long runId) {
            thread = new Thread(() -> {
                while (!stop.get()) {
                    long started = System.nanoTime();
                    transfers.insert(runId, "DOWNLOAD", List.of(new TransferLog.NewTransfer(
                            "busy/" + count.get(), TransferStatus.PENDING, 1, null, "new", null)));
                    slowest.accumulateAndGet(System.nanoTime() - started, Math::max);
                    count.incrementAndGet();
                    LockSupport.parkNanos(20_000_000);
                }
            }, "running-job");
            thread.start();
        }

        int count() {
            return count.get();
        }

        long slowestMillis() {
            return slowest.get() / 1_000_000;
        }

        @Override
        public void close() throws InterruptedException {
            stop.set(true);
            thread.join();
        }
    }
}
