package org.filesync.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With WRITE_DELAY=0 the committing thread writes the H2 file itself: a thread interrupted while it
 * commits (Quartz stopping its scheduler thread on SIGTERM did) must not close the database.
 */
class InterruptedCommitTest {

    @TempDir
    Path dir;

    @Test
    void commitsOfInterruptedThreadsLeaveTheDatabaseOpen() {
        DatabaseSettings settings = DatabaseSettings.resolve("jdbc:h2:file:" + dir.resolve("filesync"), Map.of());
        try (Database database = Database.open(settings, 2)) {
            database.jdbc().sql("CREATE TABLE t (i INT)").update();
            for (int i = 0; i < 20; i++) {
                Thread.currentThread().interrupt();
                try {
                    database.jdbc().sql("INSERT INTO t VALUES (?)").param(i).update();
                } finally {
                    Thread.interrupted();
                }
            }
            assertThat(database.jdbc().sql("SELECT COUNT(*) FROM t").query(Integer.class).single()).isEqualTo(20);
        }
    }
}
