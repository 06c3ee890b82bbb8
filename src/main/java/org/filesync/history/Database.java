package org.filesync.history;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** filesync's database: a connection pool over it, with the Flyway schema brought up to date on open. */
public final class Database implements AutoCloseable {

    /**
     * The newest migration's version. When the schema history already shows it, opening skips
     * Flyway's classpath scan (most of a short command's start-up); MigrationTest keeps this
     * constant in step with the files in db/migration.
     */
    static final int LATEST_MIGRATION = 4;
    private static final long CONNECT_TIMEOUT_MILLIS = 10_000;
    /**
     * Several processes opening one H2 file at once take turns at its lock file, a second or two
     * each on a busy machine, before the first of them serves the file to the others.
     */
    private static final long HANDOVER_TIMEOUT_MILLIS = 30_000;
    private static final long HANDOVER_PAUSE_MILLIS = 100;
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final DatabaseSettings settings;
    private final HikariDataSource dataSource;

    private Database(DatabaseSettings settings, HikariDataSource dataSource) {
        this.settings = settings;
        this.dataSource = dataSource;
    }

    /**
     * Opens the pool and applies any pending migration. An H2 file that is changing hands between
     * processes ({@link H2Handover}) is tried again for up to {@link #HANDOVER_TIMEOUT_MILLIS}.
     */
    public static Database open(DatabaseSettings settings, int maxConnections) {
        long deadline = System.nanoTime() + HANDOVER_TIMEOUT_MILLIS * 1_000_000;
        while (true) {
            try {
                return openOnce(settings, maxConnections);
            } catch (DatabaseUnavailableException e) {
                if (settings.isPostgres() || !H2Handover.causedBy(e) || System.nanoTime() > deadline) {
                    throw e;
                }
                log.debug("the H2 file is changing hands, opening it again: {}", e.getMessage());
                sleep(HANDOVER_PAUSE_MILLIS);
            }
        }
    }

    private static Database openOnce(DatabaseSettings settings, int maxConnections) {
        String vendor = settings.vendor();
        try {
            Optional<Path> folder = H2FileUrl.folder(settings.url());
            if (folder.isPresent()) {
                Files.createDirectories(folder.get());
            }
        } catch (IOException e) {
            throw new DatabaseUnavailableException(settings, e);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        // Flyway holds one connection for its lock and one for the migration itself
        config.setMaximumPoolSize(Math.max(2, maxConnections));
        config.setMinimumIdle(1);
        config.setPoolName("filesync-db");
        config.setConnectionTimeout(CONNECT_TIMEOUT_MILLIS);
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new DatabaseUnavailableException(settings, e);
        }
        try {
            if (!isCurrent(dataSource)) {
                migrate(dataSource, vendor);
            }
            return new Database(settings, dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw new DatabaseUnavailableException(settings, e);
        }
    }

    private static boolean isCurrent(DataSource dataSource) {
        try {
            Integer newest = JdbcClient.create(dataSource)
                    .sql("SELECT MAX(CAST(\"version\" AS INTEGER)) FROM \"flyway_schema_history\" WHERE \"success\" = TRUE")
                    .query(Integer.class).single();
            return newest != null && newest >= LATEST_MIGRATION;
        } catch (DataAccessException e) {
            return false; // a fresh database: no schema history yet
        }
    }

    /** @return how many migrations were applied (0 when the schema was up to date) */
    static int migrate(DataSource dataSource, String vendor) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .failOnMissingLocations(true)
                .load()
                .migrate()
                .migrationsExecuted;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening the database", e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    public DatabaseSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
