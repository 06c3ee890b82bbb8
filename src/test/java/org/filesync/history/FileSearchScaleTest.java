package org.filesync.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Supplier;
import org.filesync.history.FileSearch.PathPattern;
import org.filesync.testing.PastRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File search over a large history on H2: a path found in one row only (the whole table is read)
 * and a glob that many rows match (the newest 500 end the scan). The times are logged (surefire's
 * report file), not asserted. The suite searches 100,000 rows; {@code -Dfilesync.search.rows=1000000}
 * measures a million.
 */
class FileSearchScaleTest {

    private static final int RUNS = 100;
    private static final int ROWS_PER_RUN = Integer.getInteger("filesync.search.rows", 100_000) / RUNS;
    private static final Logger log = LoggerFactory.getLogger(FileSearchScaleTest.class);

    @TempDir
    Path dir;

    @Test
    void searchesALargeHistory() throws Exception {
        try (Database database = Database.open(DatabaseSettings.resolve("jdbc:h2:file:" + dir.resolve("db"), Map.of()), 3)) {
            PastRuns past = new PastRuns(database, Instant.now().truncatedTo(ChronoUnit.SECONDS));
            for (int day = RUNS; day > 0; day--) {
                long runId = past.finished(day % 2 == 0 ? "even" : "odd", day, RunStatus.COMPLETED, 0);
                database.jdbc().sql("INSERT INTO fs_transfer (run_id, path, direction, status, file_size, bytes_transferred) "
                        + "SELECT " + runId + ", CONCAT('pub/d', MOD(X, 100), '/f', X, '.bin'), 'DOWNLOAD', 'DONE', 4096, 4096 "
                        + "FROM SYSTEM_RANGE(1, " + ROWS_PER_RUN + ")").update();
            }
            database.jdbc().sql("UPDATE fs_transfer SET path = 'pub/x/needle.tar.gz' WHERE transfer_id = 17").update();
            FileSearch search = new FileSearch(database.dataSource());

            FileSearchResult rare = timed("a path in one row", () -> search.find(PathPattern.of("needle"), null, 500));
            FileSearchResult common = timed("a glob in every run", () -> search.find(PathPattern.of("pub/d7/*.bin"), null, 500));
            FileSearchResult ofAJob = timed("the same glob, one job", () -> search.find(PathPattern.of("pub/d7/*.bin"), "odd", 500));

            assertThat(rare.events()).hasSize(1);
            assertThat(common.events()).hasSize(500);
            assertThat(common.eventsTruncated()).isTrue();
            assertThat(ofAJob.events()).allSatisfy(event -> assertThat(event.job()).isEqualTo("odd"));
        }
    }

    private static FileSearchResult timed(String what, Supplier<FileSearchResult> search) {
        search.get(); // warm: the first query pays for class loading and the statement's plan
        long started = System.nanoTime();
        FileSearchResult result = search.get();
        log.info("file search over {} rows, {}: {} ms, {} match(es)", (long) RUNS * ROWS_PER_RUN, what,
                (System.nanoTime() - started) / 1_000_000, result.events().size());
        return result;
    }
}
