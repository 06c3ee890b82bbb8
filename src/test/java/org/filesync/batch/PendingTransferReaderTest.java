package org.filesync.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.filesync.history.Database;
import org.filesync.history.NodeIdentity;
import org.filesync.history.RunRegistry;
import org.filesync.history.RunTrigger;
import org.filesync.history.TransferLog;
import org.filesync.history.TransferLog.NewTransfer;
import org.filesync.history.TransferLog.Pending;
import org.filesync.history.TransferStatus;
import org.filesync.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transfer step's reader over a real database: every file not done yet exactly once, largest
 * first (unknown sizes last), across pages, and nothing a finished file or another run holds.
 */
class PendingTransferReaderTest {

    @TempDir
    Path dir;

    @Test
    void onH2() throws Exception {
        try (Database database = TestDatabases.h2(dir, 2)) {
            readsEveryUnfinishedFileOnceLargestFirst(database);
        }
    }

    @Test
    void onPostgresql() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start();
             Database database = TestDatabases.postgres(postgres, 2)) {
            readsEveryUnfinishedFileOnceLargestFirst(database);
        }
    }

    private static void readsEveryUnfinishedFileOnceLargestFirst(Database database) throws Exception {
        RunRegistry runs = new RunRegistry(database.dataSource());
        TransferLog transfers = new TransferLog(database.dataSource());
        long other = runs.begin("other", RunTrigger.manual("tester"), NodeIdentity.current("n")).runId();
        transfers.insert(other, "DOWNLOAD", List.of(pending("elsewhere.bin", 1_000_000)));
        long runId = runs.begin("job", RunTrigger.manual("tester"), NodeIdentity.current("n")).runId();
        List<NewTransfer> rows = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            rows.add(pending("f" + i, i % 7 == 0 ? -1 : 1000 + i % 300)); // sizes repeat across pages; some unknown
        }
        transfers.insert(runId, "DOWNLOAD", rows);
        long doneId = transfers.pendingIdsLargestFirst(runId)[0];
        transfers.update(List.of(new TransferLog.TransferState(doneId, TransferStatus.DONE, 1299, 0, null, null, 1,
                226, null, Instant.now(), Instant.now())));

        PendingTransferReader reader = new PendingTransferReader(transfers, runId);
        List<Pending> read = new ArrayList<>();
        for (Pending next = reader.read(); next != null; next = reader.read()) {
            read.add(next);
        }

        assertThat(reader.isDrained()).isTrue();
        assertThat(read).hasSize(1199).extracting(Pending::transferId).doesNotHaveDuplicates().doesNotContain(doneId);
        assertThat(read).extracting(Pending::path).doesNotContain("elsewhere.bin");
        for (int i = 1; i < read.size(); i++) {
            Pending before = read.get(i - 1);
            Pending after = read.get(i);
            assertThat(before.size() > after.size()
                    || before.size() == after.size() && before.transferId() < after.transferId())
                    .as("%s before %s", before, after).isTrue();
        }
        assertThat(read.get(read.size() - 1).size()).isEqualTo(-1);
        assertThat(read).filteredOn(row -> row.path().equals("f1")).singleElement()
                .extracting(Pending::size).isEqualTo(1001L);
    }

    private static NewTransfer pending(String path, long size) {
        return new NewTransfer(path, TransferStatus.PENDING, size, null, "new", null);
    }
}
