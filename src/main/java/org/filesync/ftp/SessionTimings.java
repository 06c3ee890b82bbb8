package org.filesync.ftp;

import java.time.Duration;

/**
 * Timings of a session that are not the job's business, with defaults fit for real servers.
 *
 * @param keepAliveInterval how often a NOOP goes over the idle control connection during a long
 *                          transfer (firewalls and servers drop control connections idle for minutes);
 *                          zero for never
 * @param abortedReplyTimeout how long to wait for the final reply after a transfer broke off; some
 *                            servers (pure-ftpd after a dropped RETR) never send it
 */
public record SessionTimings(Duration keepAliveInterval, Duration abortedReplyTimeout) {

    public static final SessionTimings DEFAULT = new SessionTimings(Duration.ofSeconds(60), Duration.ofSeconds(5));

    public SessionTimings {
        if (keepAliveInterval.isNegative() || abortedReplyTimeout.isNegative() || abortedReplyTimeout.isZero()) {
            throw new IllegalArgumentException("keep-alive interval must be >= 0 and aborted-reply timeout > 0");
        }
    }
}
