package org.filesync.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.filesync.history.RunRecord;
import org.filesync.history.RunStatus;
import org.filesync.jobs.JobDefinition;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.MirrorHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A nightly re-check of an unchanged tree costs the database the same few rows however large the tree. */
class UnchangedTreeRowsTest {

    @TempDir
    Path dir;

    @Test
    void aNoOpRunAddsAConstantNumberOfRows() throws Exception {
        long small = rowsAddedByANoOpRun(dir.resolve("small"), 10);
        long large = rowsAddedByANoOpRun(dir.resolve("large"), 1_000);

        assertThat(large).isEqualTo(small);
        assertThat(large).isLessThan(40);
    }

    private static long rowsAddedByANoOpRun(Path base, int files) throws Exception {
        Path served = Files.createDirectories(base.resolve("server/pub"));
        for (int i = 0; i < files; i++) {
            Path folder = Files.createDirectories(served.resolve("d" + i % 20));
            Files.writeString(folder.resolve("f" + i + ".txt"), "file " + i);
        }
        try (ApacheFtpServer server = ApacheFtpServer.start(served.getParent());
             MirrorHarness harness = new MirrorHarness(base)) {
            JobDefinition job = harness.job("nightly", server, "download", "pub", base.resolve("target"), "parallel: 4");
            assertThat(harness.run(job).filesTransferred()).isEqualTo(files);
            long before = rows(harness);

            RunRecord recheck = harness.run(job);

            assertThat(recheck.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(recheck.filesTransferred()).isZero();
            assertThat(recheck.filesSkipped()).isEqualTo(files);
            assertThat(harness.transfers(recheck.runId())).isEmpty();
            return rows(harness) - before;
        }
    }

    /** Every row of every table: filesync's history, the catalog, Spring Batch's and Quartz's tables. */
    private static long rows(MirrorHarness harness) {
        List<String> tables = harness.database().jdbc().sql("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'").query(String.class).list();
        assertThat(tables).contains("FS_TRANSFER", "FS_SYNCED_FILE", "BATCH_STEP_EXECUTION");
        return tables.stream().mapToLong(table -> harness.database().jdbc().sql("SELECT COUNT(*) FROM \"" + table + "\"")
                .query(Long.class).single()).sum();
    }
}
