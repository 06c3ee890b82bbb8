package org.filesync.mirror;

import java.time.Duration;

/**
 * How often and how patiently a transient failure (4yz, lost connection) is retried: exponential
 * backoff from {@code firstDelay}, capped at {@code maxDelay}.
 */
public record RetryPolicy(int retries, Duration firstDelay, Duration maxDelay) {

    public static RetryPolicy of(int retries) {
        return new RetryPolicy(retries, Duration.ofMillis(500), Duration.ofSeconds(15));
    }

    public Duration delayBefore(int attempt) {
        long millis = firstDelay.toMillis() << Math.min(16, Math.max(0, attempt - 2));
        return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
    }
}
