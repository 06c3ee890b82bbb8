package org.filesync.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.filesync.history.Database;
import org.filesync.history.DatabaseSettings;
import org.filesync.history.RunRecord;
import org.filesync.history.RunStatus;
import org.filesync.testing.HistoryReader;
import org.filesync.testing.JobFiles;
import org.filesync.testing.PastRuns;
import org.filesync.testing.ServeProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code retention:} in the settings file makes {@code serve} prune the history when it starts, and daily. */
class ServeRetentionTest {

    @TempDir
    Path dir;

    @Test
    void serveKeepsTheRunsWithinTheRetentionAndEachJobsLastSuccess() throws Exception {
        String databaseUrl = "jdbc:h2:file:" + dir.resolve("data/filesync") + ";AUTO_SERVER=TRUE";
        long old;
        long lastSuccess;
        long recent;
        try (Database database = Database.open(DatabaseSettings.resolve(databaseUrl, Map.of()), 2)) {
            PastRuns past = new PastRuns(database, Instant.now());
            old = past.finished("nightly", 200, RunStatus.COMPLETED, 2);
            lastSuccess = past.finished("nightly", 150, RunStatus.COMPLETED, 2);
            recent = past.finished("nightly", 10, RunStatus.FAILED, 2);
        }
        JobFiles.write(dir, "filesync.yaml", "retention: 90d");
        Files.createDirectories(dir.resolve("jobs"));

        try (ServeProcess serve = ServeProcess.start(dir.resolve("node"), Map.of("FILESYNC_DB_URL", databaseUrl),
                dir.resolve("jobs"));
             HistoryReader history = new HistoryReader(databaseUrl, Map.of())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> history.runs("nightly").size() == 2);
            assertThat(history.runs("nightly")).extracting(RunRecord::runId)
                    .containsExactlyInAnyOrder(lastSuccess, recent).doesNotContain(old);
            assertThat(serve.terminate(Duration.ofSeconds(30))).isZero();
        }
    }
}
