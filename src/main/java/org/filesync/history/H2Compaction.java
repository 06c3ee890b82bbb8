package org.filesync.history;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Compaction of an embedded H2 file, only when the file has become mostly free space. H2 writes
 * each commit as a new chunk at the end of the file (WRITE_DELAY=0) and, with no background
 * writer, reclaims the old ones only by compacting. Compacting on every close cost each short
 * command about 0.2 s on a grown file, often without shrinking it; compacting when live data fill less than
 * {@link #LIVE_SHARE_PERCENT} of it keeps the file within about twice its live data at a fraction of
 * that cost (see the README's performance section).
 */
final class H2Compaction {

    static final int LIVE_SHARE_PERCENT = 50;
    private static final int MAX_COMPACT_MILLIS = 200;
    private static final Logger log = LoggerFactory.getLogger(H2Compaction.class);

    private H2Compaction() {
    }

    /** Compacts the file when this process serves it and less than half of it is live data. */
    static void compactIfSparse(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            if (!(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
                return; // another process serves the file and compacts it
            }
            int liveShare = liveShare(dataSource);
            if (liveShare >= LIVE_SHARE_PERCENT) {
                return;
            }
            long started = System.nanoTime();
            session.getDatabase().getStore().compactFile(MAX_COMPACT_MILLIS);
            log.debug("compacted the H2 file, {} % of it live data, in {} ms", liveShare,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException | RuntimeException e) {
            log.debug("could not compact the H2 file", e);
        }
    }

    /**
     * The share of the file that holds live data, in percent: the share of its blocks that chunks
     * occupy (FILL_RATE) times the share of live pages in those chunks (CHUNKS_FILL_RATE).
     */
    static int liveShare(DataSource dataSource) {
        return info(dataSource, "FILL_RATE") * info(dataSource, "CHUNKS_FILL_RATE") / 100;
    }

    private static int info(DataSource dataSource, String name) {
        return JdbcClient.create(dataSource)
                .sql("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?").param("info." + name)
                .query(String.class).optional().map(Integer::parseInt).orElse(100);
    }
}
