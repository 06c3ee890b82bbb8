package org.filesync.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A short command does not compact the H2 file on close, unless the file has become mostly free space. */
class H2CompactionTest {

    @TempDir
    Path dir;

    @Test
    void aFileThatIsMostlyFreeSpaceIsCompactedOnClose() throws Exception {
        DatabaseSettings settings = DatabaseSettings.resolve("jdbc:h2:file:" + dir.resolve("db"), Map.of());
        Path file = dir.resolve("db.mv.db");
        long sparse;
        try (Database database = Database.open(settings, 2)) {
            JdbcClient jdbc = database.jdbc();
            jdbc.sql("CREATE TABLE churn (id INT PRIMARY KEY, payload VARCHAR(3000))").update();
            String payload = "x".repeat(2000);
            for (int round = 0; round < 40; round++) { // each statement commits: a new chunk at the file's end
                for (int id = 0; id < 50; id++) {
                    jdbc.sql("MERGE INTO churn KEY (id) VALUES (?, ?)").params(id, payload + round).update();
                }
            }
            assertThat(H2Compaction.liveShare(database.dataSource())).isLessThan(H2Compaction.LIVE_SHARE_PERCENT);
            sparse = Files.size(file);
        }

        assertThat(Files.size(file)).isLessThan(sparse / 2);
    }
}
