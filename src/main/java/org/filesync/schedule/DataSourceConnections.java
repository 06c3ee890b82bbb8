package org.filesync.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.quartz.utils.ConnectionProvider;

/** Quartz's connections come from filesync's own pool, so its tables live in filesync's database. */
final class DataSourceConnections implements ConnectionProvider {

    private final DataSource dataSource;

    DataSourceConnections(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void initialize() {
        // the pool is open already
    }

    @Override
    public void shutdown() {
        // the pool belongs to the Database, which closes it
    }
}
