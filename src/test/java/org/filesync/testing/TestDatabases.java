package org.filesync.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.Map;
import org.filesync.history.Database;
import org.filesync.history.DatabaseSettings;

/** filesync's database, migrated, on each vendor a test runs against: an H2 file, or an embedded PostgreSQL. */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** An H2 file database in {@code dir}. */
    public static Database h2(Path dir, int maxConnections) {
        return Database.open(DatabaseSettings.resolve("jdbc:h2:file:" + dir.resolve("db"), Map.of()), maxConnections);
    }

    /** The database of a started embedded PostgreSQL, as its superuser. */
    public static Database postgres(EmbeddedPostgres postgres, int maxConnections) {
        return Database.open(DatabaseSettings.resolve(postgres.getJdbcUrl("postgres", "postgres"),
                Map.of("FILESYNC_DB_USER", "postgres", "FILESYNC_DB_PASSWORD", "")), maxConnections);
    }
}
