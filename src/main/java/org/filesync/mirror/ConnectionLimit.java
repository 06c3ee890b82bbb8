package org.filesync.mirror;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.function.LongSupplier;

/**
 * How many sessions the server lets one run hold, learned from its refusals (lftp's dynamic
 * connection limit): a refusal while N sessions are open lowers the limit to N; after a quiet
 * while one more session is tried again, and the limit creeps up by one each time the server
 * accepts it. Not thread-safe: its pool guards it.
 */
final class ConnectionLimit {

    private final long probeIntervalNanos;
    private final LongSupplier nanoTime;
    private int limit = Integer.MAX_VALUE;
    private int lowest = Integer.MAX_VALUE;
    private long nextProbe;

    ConnectionLimit(Duration probeInterval, LongSupplier nanoTime) {
        this.probeIntervalNanos = probeInterval.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Whether one more session may be opened beside {@code open}: below the limit, or as the probe that is due. */
    boolean mayOpen(int open) {
        if (open < limit) {
            return true;
        }
        long now = nanoTime.getAsLong();
        if (now - nextProbe >= 0) {
            nextProbe = now + probeIntervalNanos;
            return true;
        }
        return false;
    }

    /** The server refused a session while {@code open} others were open or being opened (at least one). */
    void refused(int open) {
        limit = Math.max(1, open);
        lowest = Math.min(lowest, limit);
        nextProbe = nanoTime.getAsLong() + probeIntervalNanos;
    }

    /** The server accepted a session, which makes {@code open}. */
    void opened(int open) {
        if (limit != Integer.MAX_VALUE && open > limit) {
            limit = open;
        }
    }

    int current() {
        return limit;
    }

    /** The lowest limit the server imposed in this run, if it imposed one. */
    OptionalInt lowest() {
        return lowest == Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of(lowest);
    }
}
