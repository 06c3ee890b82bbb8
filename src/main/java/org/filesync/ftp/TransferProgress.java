package org.filesync.ftp;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Accounts for the chunks of one transfer: waits on the shared bandwidth throttle, tells the
 * listener how far it got (every {@value #REPORT_BYTES} bytes or {@value #REPORT_MILLIS} ms, not per
 * chunk), and keeps the idle control connection alive with NOOPs during long transfers.
 * <p>
 * In stream mode every byte that arrived is a restart point (REST n). In block mode only the
 * server's markers are (RFC 959 §3.5): the mode then says what is confirmed ({@link #confirmedBy}).
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
    private volatile Supplier<RestartPoint> confirmation;
    private long bytes;
    private long reportedBytes;
    private RestartPoint reportedPoint;
    private long reportedAt = System.nanoTime();
    private long keptAliveAt = System.nanoTime();

    TransferProgress(long startOffset, TransferListener listener, BandwidthThrottle throttle,
                     KeepAlive keepAlive, Duration keepAliveInterval) {
        this.startOffset = startOffset;
        this.listener = listener;
        this.throttle = throttle;
        this.keepAlive = keepAlive;
        this.keepAliveNanos = keepAliveInterval.toNanos();
        this.confirmation = () -> RestartPoint.atOffset(this.startOffset + bytes);
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
        keepAliveIfDue();
    }

    /** Where a later attempt may restart, from now on: the last marker the server confirmed. */
    void confirmedBy(Supplier<RestartPoint> confirmation) {
        this.confirmation = confirmation;
    }

    /** Sends a NOOP on the control connection when the keep-alive interval has passed since the last. */
    private void keepAliveIfDue() throws IOException {
        long now = System.nanoTime();
        if (keepAliveNanos > 0 && now - keptAliveAt >= keepAliveNanos) {
            keptAliveAt = now;
            keepAlive.send();
        }
    }

    long bytes() {
        return bytes;
    }

    /** The last report, with everything moved and everything confirmed (block-mode STOR: 110 replies read after the data). */
    void finish() {
        if (bytes != reportedBytes || !Objects.equals(confirmation.get(), reportedPoint)) {
            report(System.nanoTime());
        }
    }

    private void report(long now) {
        reportedBytes = bytes;
        reportedAt = now;
        reportedPoint = confirmation.get();
        listener.progress(bytes, reportedPoint);
    }
}
