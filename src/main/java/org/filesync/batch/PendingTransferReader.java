package org.filesync.batch;

import java.util.ArrayDeque;
import java.util.Deque;
import org.filesync.history.TransferLog;
import org.filesync.history.TransferLog.Pending;
import org.springframework.batch.item.ItemReader;

/**
 * The transfer step's reader, after the process-indicator pattern: it hands out the run's rows
 * that are not done yet, largest first, and saves no state of its own: the rows' status is the
 * state, so a restart simply reads what is still not done. It reads the order once, as ids, and
 * the rows a page at a time. Shared by the step's threads. Once {@link #close(String)} is called it
 * hands out nothing more.
 */
final class PendingTransferReader implements ItemReader<Pending> {

    private static final int PAGE = 500;

    private final TransferLog transfers;
    private final long runId;
    private final Deque<Pending> page = new ArrayDeque<>();
    private final ThreadLocal<Pending> lastRead = new ThreadLocal<>();
    private long[] order;
    private int nextPage;
    private String closedBecause;

    PendingTransferReader(TransferLog transfers, long runId) {
        this.transfers = transfers;
        this.runId = runId;
    }

    @Override
    public synchronized Pending read() {
        if (order == null) {
            order = transfers.pendingIdsLargestFirst(runId);
        }
        while (page.isEmpty() && !exhausted() && closedBecause == null) {
            int end = Math.min(order.length, nextPage + PAGE);
            page.addAll(transfers.pending(order, nextPage, end));
            nextPage = end;
        }
        Pending next = closedBecause == null ? page.poll() : null;
        lastRead.set(next);
        return next;
    }

    /** The item this thread read last, or null when it found none. */
    Pending lastReadByThisThread() {
        return lastRead.get();
    }

    /** Whether every thread will read nothing more. */
    synchronized boolean isDrained() {
        return closedBecause != null || exhausted() && page.isEmpty();
    }

    private boolean exhausted() {
        return order != null && nextPage >= order.length;
    }

    /** Hands out nothing more: the step ends once the files in flight are done, and fails with {@code reason}. */
    synchronized void close(String reason) {
        if (closedBecause == null) {
            closedBecause = reason;
        }
    }

    /** Why the reader was closed before the end, or null. */
    synchronized String closedBecause() {
        return closedBecause;
    }
}
