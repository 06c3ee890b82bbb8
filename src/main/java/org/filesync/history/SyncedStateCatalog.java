package org.filesync.history;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Per job and path: the size and modify time the source listed when the file was last synced.
 * Written in batches as files complete, so a crash never loses what was already done.
 */
public final class SyncedStateCatalog {

    /** One file as the source listed it. */
    public record Entry(String path, long size, Instant modified) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final String upsert;
    private final TransactionTemplate transactions;

    public SyncedStateCatalog(javax.sql.DataSource dataSource, boolean postgres) {
        this.jdbc = JdbcClient.create(dataSource);
        this.template = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.upsert = postgres
                ? "INSERT INTO fs_synced_file (job_name, path, file_size, source_modified, synced_at) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT (job_name, path) DO UPDATE SET file_size = EXCLUDED.file_size, "
                        + "source_modified = EXCLUDED.source_modified, synced_at = EXCLUDED.synced_at"
                : "MERGE INTO fs_synced_file (job_name, path, file_size, source_modified, synced_at) "
                        + "KEY (job_name, path) VALUES (?, ?, ?, ?, ?)";
    }

    public Map<String, Entry> load(String job) {
        Map<String, Entry> entries = new HashMap<>();
        forEach(job, entry -> entries.put(entry.path(), entry));
        return entries;
    }

    /** Hands each of the job's entries over as it is read: a big catalog is never held twice. */
    public void forEach(String job, Consumer<Entry> action) {
        jdbc.sql("SELECT path, file_size, source_modified FROM fs_synced_file WHERE job_name = :job")
                .param("job", job)
                .query(rs -> {
                    OffsetDateTime modified = rs.getObject(3, OffsetDateTime.class);
                    action.accept(new Entry(rs.getString(1), rs.getLong(2), modified == null ? null : modified.toInstant()));
                });
    }

    public void record(String job, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        OffsetDateTime now = RunRegistry.now();
        transactions.executeWithoutResult(status -> template.batchUpdate(upsert, entries.stream()
                .map(entry -> new Object[] {job, entry.path(), entry.size(),
                        entry.modified() == null ? null : entry.modified().atOffset(ZoneOffset.UTC), now}).toList()));
    }

    public void forget(String job, List<String> paths) {
        if (paths.isEmpty()) {
            return;
        }
        template.batchUpdate("DELETE FROM fs_synced_file WHERE job_name = ? AND path = ?",
                paths.stream().map(path -> new Object[] {job, path}).toList());
    }
}
