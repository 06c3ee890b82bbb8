package org.filesync.web;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.filesync.ftp.FailureMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The {@code db} part of {@code /actuator/health}: UP while a connection to filesync's database is
 * valid. A database that is gone is an expected state, answered with its reason rather than logged
 * with a stack trace at every probe (as Spring Boot's own indicator does).
 */
final class DatabaseHealth implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(DatabaseHealth.class);
    private static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(5);

    private final DataSource dataSource;

    DatabaseHealth(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Health health() {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            return (connection.isValid((int) VALIDATION_TIMEOUT.toSeconds()) ? Health.up() : Health.down())
                    .withDetail("database", product).build();
        } catch (SQLException | RuntimeException e) {
            log.debug("database health check failed", e);
            return Health.down().withDetail("error", FailureMessages.of(e)).build();
        }
    }
}
