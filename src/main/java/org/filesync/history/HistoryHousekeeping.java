package org.filesync.history;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.filesync.ftp.NamedThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code serve}'s care of the history, at start-up and then once a day: runs older than the
 * retention are pruned ({@link RunPruner}: in short transactions, beside running jobs), and an H2
 * file that has become mostly free space is compacted, which a process that never closes the
 * database would otherwise never do.
 */
public final class HistoryHousekeeping implements AutoCloseable {

    static final Duration EVERY = Duration.ofDays(1);
    private static final Logger log = LoggerFactory.getLogger(HistoryHousekeeping.class);

    private final Database database;
    private final Duration retention;
    private final ScheduledExecutorService thread;

    private HistoryHousekeeping(Database database, Duration retention) {
        this.database = database;
        this.retention = retention;
        this.thread = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("filesync-housekeeping", true));
    }

    /** @param retention how long runs are kept; null to keep them all */
    public static HistoryHousekeeping start(Database database, Duration retention) {
        return start(database, retention, EVERY);
    }

    static HistoryHousekeeping start(Database database, Duration retention, Duration every) {
        HistoryHousekeeping housekeeping = new HistoryHousekeeping(database, retention);
        housekeeping.thread.scheduleWithFixedDelay(housekeeping::once, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return housekeeping;
    }

    private void once() {
        try {
            if (retention != null) {
                PruneReport pruned = new RunPruner(database).prune(Instant.now().minus(retention), null);
                if (pruned.runs() > 0) {
                    log.info("pruned {} runs older than {} days ({} file rows)", pruned.runs(), retention.toDays(),
                            pruned.transfers());
                }
            }
            database.compactIfSparse();
        } catch (RuntimeException e) {
            log.warn("history housekeeping failed, tried again in {} h: {}", EVERY.toHours(), e.getMessage());
            log.debug("history housekeeping failed", e);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
