package org.filesync.history;

import java.time.Instant;

/**
 * One alert of a run, as {@code show --json} prints it.
 *
 * @param channel {@code webhook} or {@code email}
 * @param event {@code failure}, {@code recovery}, {@code success} or {@code deadline}
 * @param sentAt when it was delivered; null while pending or when it failed
 */
public record NotificationRecord(String channel, String event, NotificationStatus status, int attempts, String error,
                                 Instant sentAt) {
}
