package org.filesync.history;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/** filesync's database: a connection pool over it, with the Flyway schema brought up to date on open. */
public final class Database implements AutoCloseable {

    private final DatabaseSettings settings;
    private final HikariDataSource dataSource;

    private Database(DatabaseSettings settings, HikariDataSource dataSource) {
        this.settings = settings;
        this.dataSource = dataSource;
    }

    /** Opens the pool and applies any pending migration. */
    public static Database open(DatabaseSettings settings, int maxConnections) {
        String vendor = settings.vendor();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        // Flyway holds one connection for its lock and one for the migration itself
        config.setMaximumPoolSize(Math.max(2, maxConnections));
        config.setMinimumIdle(1);
        config.setPoolName("filesync-db");
        config.setInitializationFailTimeout(-1);
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            migrate(dataSource, vendor);
            return new Database(settings, dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
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
