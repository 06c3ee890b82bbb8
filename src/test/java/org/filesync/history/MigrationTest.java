package org.filesync.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.filesync.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The Flyway migrations create every table on H2 and on a real PostgreSQL, and re-applying them is a no-op. */
class MigrationTest {

    private static final List<String> TABLES = List.of("batch_job_instance", "batch_job_execution",
            "batch_step_execution_context", "qrtz_triggers", "qrtz_cron_triggers", "qrtz_locks", "qrtz_fired_triggers",
            "fs_run", "fs_transfer", "fs_synced_file", "flyway_schema_history");

    @TempDir
    Path dir;

    @Test
    void migrationsApplyToFreshH2FileDatabaseAndTwiceIsNoOp() {
        DatabaseSettings settings = DatabaseSettings.resolve("jdbc:h2:file:" + dir.resolve("db") + ";AUTO_SERVER=TRUE", Map.of());

        try (Database database = Database.open(settings, 2)) {
            assertThat(tables(database.jdbc())).containsAll(TABLES);
            assertThat(Database.migrate(database.dataSource(), "h2")).isZero();
        }
        try (Database reopened = Database.open(settings, 2)) {
            assertThat(Database.migrate(reopened.dataSource(), "h2")).isZero();
        }
    }

    @Test
    void migrationsApplyToRealPostgresqlAndTwiceIsNoOp() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            DatabaseSettings settings = DatabaseSettings.resolve(postgres.getJdbcUrl("postgres", "postgres"),
                    Map.of("FILESYNC_DB_USER", "postgres", "FILESYNC_DB_PASSWORD", ""));
            assertThat(settings.vendor()).isEqualTo("postgresql");

            try (Database database = Database.open(settings, 2)) {
                assertThat(tables(database.jdbc())).containsAll(TABLES);
                assertThat(Database.migrate(database.dataSource(), "postgresql")).isZero();
                insertAndReadRun(database);
            }
        }
    }

    /** Without an index on its referencing columns, PostgreSQL scans the referencing table for each row a prune deletes. */
    @Test
    void everyForeignKeyHasAnIndexOnPostgresql() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start();
             Database database = TestDatabases.postgres(postgres, 2)) {
            List<String> unindexed = database.jdbc().sql("SELECT c.conrelid::regclass || ' ' || c.conname FROM pg_constraint c "
                            + "WHERE c.contype = 'f' AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid "
                            + "AND (i.indkey::int2[])[0:array_length(c.conkey, 1) - 1] = c.conkey)")
                    .query(String.class).list();
            assertThat(unindexed).isEmpty();
        }
    }

    @Test
    void latestMigrationConstantMatchesTheNewestMigrationFile() throws Exception {
        int newest;
        try (var files = java.nio.file.Files.walk(Path.of("db/migration"))) {
            newest = files.map(path -> path.getFileName().toString()).filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__")))).max().orElseThrow();
        }
        assertThat(Database.LATEST_MIGRATION).isEqualTo(newest);
    }

    private static void insertAndReadRun(Database database) {
        database.jdbc().sql("INSERT INTO fs_run (job_name, status, trigger_type, started_at, node) "
                + "VALUES ('j', 'COMPLETED', 'manual', CURRENT_TIMESTAMP, 'n')").update();
        List<RunRecord> runs = new RunHistory(database.jdbc()).recentRuns("j", 5);
        assertThat(runs).singleElement().satisfies(run -> {
            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(run.startedAt()).isNotNull();
        });
    }

    private static List<String> tables(JdbcClient jdbc) {
        return jdbc.sql("SELECT table_name FROM information_schema.tables").query(String.class).list()
                .stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
    }
}
