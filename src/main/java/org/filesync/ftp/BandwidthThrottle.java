package org.filesync.ftp;

/**
 * Caps the rate of all transfers that share it: a token bucket refilled at {@code bytesPerSecond},
 * holding at most one second's worth, so parallel workers together stay under the job's limit.
 */
public final class BandwidthThrottle {

    public static final BandwidthThrottle UNLIMITED = new BandwidthThrottle(0);

    private final long bytesPerSecond;
    private double available;
    private long lastRefillNanos = System.nanoTime();

    /** @param bytesPerSecond the limit, or 0 for none */
    public BandwidthThrottle(long bytesPerSecond) {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("negative bandwidth limit");
        }
        this.bytesPerSecond = bytesPerSecond;
    }

    /** Blocks until {@code bytes} may be sent or received. */
    public void acquire(int bytes) throws InterruptedException {
        if (bytesPerSecond == 0) {
            return;
        }
        long waitNanos;
        synchronized (this) {
            refill();
            available -= bytes;
            waitNanos = available >= 0 ? 0 : (long) (-available * 1_000_000_000d / bytesPerSecond);
        }
        if (waitNanos > 0) {
            Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
        }
    }

    private void refill() {
        long now = System.nanoTime();
        available = Math.min(bytesPerSecond, available + (now - lastRefillNanos) * (double) bytesPerSecond / 1_000_000_000d);
        lastRefillNanos = now;
    }
}
