package org.filesync.ftp;

import java.io.IOException;
import java.io.InterruptedIOException;

/**
 * Accounts for the chunks of one transfer: waits on the shared bandwidth throttle, tells the
 * listener how far it got (every {@value #REPORT_BYTES} bytes or {@value #REPORT_MILLIS} ms, not per
 * chunk), and keeps the idle control connection alive with NOOPs during long transfers.
 */
final class TransferProgress {

    static final long REPORT_BYTES = 1024 * 1024;
    static final long REPORT_MILLIS = 500;

    /** Sends a keep-alive on the control connection; called at most once per interval. */
    interface KeepAlive {
        void send() throws IOException;
    }

    private final long startOffset;
    private final TransferListener listener;
    private final BandwidthThrottle throttle;
    private final KeepAlive keepAlive;
    private final long keepAliveNanos;
    private long bytes;
    private long reportedBytes;
    private long reportedAt = System.nanoTime();
    private long keptAliveAt = System.nanoTime();

    TransferProgress(long startOffset, TransferListener listener, BandwidthThrottle throttle,
                     KeepAlive keepAlive, java.time.Duration keepAliveInterval) {
        this.startOffset = startOffset;
        this.listener = listener;
        this.throttle = throttle;
        this.keepAlive = keepAlive;
        this.keepAliveNanos = keepAliveInterval.toNanos();
    }

    /** {@code n} more bytes moved. */
    void moved(int n) throws IOException {
        try {
            throttle.acquire(n);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("transfer interrupted");
        }
        bytes += n;
        long now = System.nanoTime();
        if (bytes - reportedBytes >= REPORT_BYTES || now - reportedAt >= REPORT_MILLIS * 1_000_000) {
            report(now);
        }
        if (keepAliveNanos > 0 && now - keptAliveAt >= keepAliveNanos) {
            keptAliveAt = now;
            keepAlive.send();
        }
    }

    long bytes() {
        return bytes;
    }

    /** The last report, with everything moved. */
    void finish() {
        if (bytes != reportedBytes) {
            report(System.nanoTime());
        }
    }

    private void report(long now) {
        reportedBytes = bytes;
        reportedAt = now;
        listener.progress(bytes, RestartPoint.atOffset(startOffset + bytes));
    }
}
