package org.filesync.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.filesync.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's files by keyset pages, on H2 and on a real PostgreSQL, each page read in index order without a sort. */
class TransferPagesTest {

    @TempDir
    Path dir;

    @Test
    void onH2() throws Exception {
        try (Database database = Database.open(DatabaseSettings.resolve(
                "jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=FALSE", Map.of()), 2)) {
            pagesForwardBackwardAndByStatus(database);
            List<String> plans = plans(database);
            assertThat(plans.get(0)).contains("FS_TRANSFER_RUN_STATUS_ID", "index sorted");
            assertThat(plans.get(1)).contains("FS_TRANSFER_RUN_ID:", "index sorted");
        }
    }

    @Test
    void onPostgresql() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start();
             Database database = TestDatabases.postgres(postgres, 2)) {
            pagesForwardBackwardAndByStatus(database);
            List<String> plans = plans(database);
            assertThat(plans.get(0)).contains("fs_transfer_run_status_id").doesNotContain("Sort");
            // with one run's rows side by side, the primary key serves the unfiltered page as well as fs_transfer_run_id
            assertThat(plans.get(1)).contains("Index Scan").doesNotContain("Sort");
        }
    }

    private static void pagesForwardBackwardAndByStatus(Database database) throws Exception {
        long runId = new RunRegistry(database.dataSource()).begin("job", RunTrigger.manual("test"), NodeIdentity.current("n")).runId();
        long otherRun = new RunRegistry(database.dataSource()).begin("other", RunTrigger.manual("test"), NodeIdentity.current("n")).runId();
        TransferLog log = new TransferLog(database.dataSource());
        log.insert(runId, "DOWNLOAD", IntStream.range(0, 25).mapToObj(i -> i % 5 == 0
                ? TransferLog.NewTransfer.failed("f" + i, "refused", 550, "550 no")
                : new TransferLog.NewTransfer("f" + i, TransferStatus.DONE, 1, null, "new", null)).toList());
        log.insert(otherRun, "DOWNLOAD", List.of(TransferLog.NewTransfer.failed("elsewhere", "refused", 550, "550 no")));
        TransferPages pages = new TransferPages(database.jdbc());

        TransferPage first = pages.page(runId, null, null, null, 10);
        TransferPage second = pages.page(runId, null, first.nextAfter(), null, 10);
        TransferPage last = pages.page(runId, null, second.nextAfter(), null, 10);
        TransferPage backToSecond = pages.page(runId, null, null, last.previousBefore(), 10);
        TransferPage backToFirst = pages.page(runId, null, null, backToSecond.previousBefore(), 10);
        TransferPage failed = pages.page(runId, TransferStatus.FAILED, null, null, 10);

        assertThat(paths(first)).containsExactly("f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9");
        assertThat(first.previousBefore()).isNull();
        assertThat(paths(second)).startsWith("f10").endsWith("f19").hasSize(10);
        assertThat(paths(last)).containsExactly("f20", "f21", "f22", "f23", "f24");
        assertThat(last.nextAfter()).isNull();
        assertThat(paths(backToSecond)).isEqualTo(paths(second));
        assertThat(paths(backToFirst)).isEqualTo(paths(first));
        assertThat(backToFirst.previousBefore()).isNull();
        assertThat(paths(failed)).containsExactly("f0", "f5", "f10", "f15", "f20");
        assertThat(failed.nextAfter()).isNull();
    }

    private static List<String> paths(TransferPage page) {
        return page.transfers().stream().map(TransferRecord::path).toList();
    }

    /**
     * The plans of a page's queries over 20,000 files of which a tenth FAILED, with fresh statistics:
     * each in index order (H2 says "index sorted", PostgreSQL has no Sort step).
     */
    private static List<String> plans(Database database) throws Exception {
        long runId = new RunRegistry(database.dataSource()).begin("big", RunTrigger.manual("test"), NodeIdentity.current("n")).runId();
        new TransferLog(database.dataSource()).insert(runId, "DOWNLOAD", IntStream.range(0, 20_000).mapToObj(i -> i % 10 == 0
                ? TransferLog.NewTransfer.failed("f" + i, "refused", 550, "550 no")
                : new TransferLog.NewTransfer("f" + i, TransferStatus.DONE, 1, null, "new", null)).toList());
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            boolean postgresql = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
            statement.execute(postgresql ? "ANALYZE fs_transfer" : "ANALYZE");
            List<String> plans = new ArrayList<>();
            for (String sql : List.of(
                    "SELECT path FROM fs_transfer WHERE run_id = ? AND status = 'FAILED' AND transfer_id > 0 "
                            + "ORDER BY run_id, status, transfer_id FETCH FIRST 50 ROWS ONLY",
                    "SELECT path FROM fs_transfer WHERE run_id = ? AND transfer_id > 0 "
                            + "ORDER BY run_id, transfer_id FETCH FIRST 50 ROWS ONLY")) {
                try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql)) {
                    explain.setLong(1, runId);
                    List<String> lines = new ArrayList<>();
                    try (ResultSet rows = explain.executeQuery()) {
                        while (rows.next()) {
                            lines.add(rows.getString(1));
                        }
                    }
                    plans.add(String.join("\n", lines));
                }
            }
            return plans;
        }
    }
}
