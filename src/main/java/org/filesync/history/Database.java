package org.filesync.history;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.engine.SessionRemote;
import org.h2.jdbc.JdbcConnection;
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
    static final int LATEST_MIGRATION = 11;
    private static final long CONNECT_TIMEOUT_MILLIS = 10_000;
    /**
     * Several processes opening one H2 file at once take turns at its lock file: each opening
     * rewrites it, even as a client of the process that serves the file, and H2 then holds every
     * other opener back for about two seconds. A dozen processes starting together fit in a minute.
     */
    private static final long HANDOVER_TIMEOUT_MILLIS = 60_000;
    private static final long HANDOVER_PAUSE_MILLIS = 100;
    private static final long SERVE_OPEN_TIMEOUT_MILLIS = 120_000;
    private static final long SERVE_RETRY_PAUSE_MILLIS = 5_000;
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
        return open(settings, maxConnections, System.nanoTime() + HANDOVER_TIMEOUT_MILLIS * 1_000_000);
    }

    /**
     * For {@code serve}, which outlives the commands beside it. On an H2 file shared in AUTO_SERVER
     * mode it waits, up to {@link #SERVE_OPEN_TIMEOUT_MILLIS}, until this process serves the file
     * itself rather than as the client of a short command that opened it first: a statement under
     * way when the serving process exits fails ("Connection is broken", "Lock file recently
     * modified"), and Quartz and the runs of a scheduler always have one under way. It then keeps
     * the file open for its whole life, so the commands beside it come and go as its clients. H2
     * hands a file over slowly while many processes open it in turn, hence the longer wait.
     */
    public static Database openToServe(DatabaseSettings settings, int maxConnections) {
        long deadline = System.nanoTime() + SERVE_OPEN_TIMEOUT_MILLIS * 1_000_000;
        if (!H2FileUrl.isEmbeddedFile(settings.url())) {
            return open(settings, maxConnections, deadline);
        }
        DatabaseSettings kept = new DatabaseSettings(H2FileUrl.withSettings(settings.url(), List.of("DB_CLOSE_DELAY=-1")),
                settings.user(), settings.password());
        while (true) {
            Database database = open(kept, maxConnections, deadline);
            if (database.servesTheFile()) {
                return database;
            }
            if (System.nanoTime() > deadline) {
                log.info("another process serves the H2 file {}; serve goes on as its client", settings.displayUrl());
                return database;
            }
            database.close();
            awaitHandover(kept, deadline);
        }
    }

    /**
     * Waits until the process serving the H2 file has let it go (its lock file is gone), or at most
     * {@link #SERVE_RETRY_PAUSE_MILLIS}, which also covers a lock file left by a killed process.
     * Opening the file rewrites its lock file even when another process serves it, and H2 refuses
     * every opener for two seconds after a rewrite ("Lock file recently modified"): trying again
     * every moment kept the commands beside {@code serve} from opening the file at all.
     */
    private static void awaitHandover(DatabaseSettings settings, long deadline) {
        Optional<Path> lockFile = H2FileUrl.lockFile(settings.url());
        long retryAt = Math.min(deadline, System.nanoTime() + SERVE_RETRY_PAUSE_MILLIS * 1_000_000);
        do {
            sleep(HANDOVER_PAUSE_MILLIS);
        } while (System.nanoTime() < retryAt && lockFile.map(Files::exists).orElse(false));
    }

    /** Whether this process serves its H2 file, rather than reaching it through another process. */
    boolean servesTheFile() {
        try (Connection connection = dataSource.getConnection()) {
            return !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionRemote);
        } catch (SQLException e) {
            throw new DatabaseUnavailableException(settings, e);
        }
    }

    private static Database open(DatabaseSettings settings, int maxConnections, long deadline) {
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

    /** Compacts an embedded H2 file that has become mostly free space ({@link H2Compaction}). */
    public void compactIfSparse() {
        if (H2FileUrl.isEmbeddedFile(settings.url())) {
            H2Compaction.compactIfSparse(dataSource);
        }
    }

    @Override
    public void close() {
        compactIfSparse();
        dataSource.close();
    }
}
