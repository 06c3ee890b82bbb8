package org.filesync.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.filesync.history.Database;
import org.filesync.history.DatabaseSettings;
import org.filesync.history.RunHistory;
import org.filesync.history.RunRecord;
import org.filesync.history.RunStatus;
import org.filesync.history.TransferRecord;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads the history a filesync process writes, from the test's own JVM (through H2's AUTO_SERVER
 * or PostgreSQL): cheap enough to poll, unlike a {@code history} process per look.
 */
public final class HistoryReader implements AutoCloseable {

    private final Database database;

    public HistoryReader(String url, Map<String, String> environment) {
        this.database = Database.open(DatabaseSettings.resolve(url, environment), 2);
    }

    /** The job's runs, oldest first. */
    public List<RunRecord> runs(String job) {
        List<RunRecord> runs = new ArrayList<>(new RunHistory(database.jdbc()).recentRuns(job, 1000));
        Collections.reverse(runs);
        return runs;
    }

    /** The job's runs that are not SKIPPED fires, oldest first. */
    public List<RunRecord> realRuns(String job) {
        return runs(job).stream().filter(run -> run.status() != RunStatus.SKIPPED).toList();
    }

    public List<TransferRecord> transfers(long runId) {
        return new RunHistory(database.jdbc()).transfers(runId);
    }

    public Database database() {
        return database;
    }

    public JdbcClient jdbc() {
        return database.jdbc();
    }

    @Override
    public void close() {
        database.close();
    }
}
