package org.filesync.history;

/** Where an alert stands: on its way, delivered, or given up on. */
public enum NotificationStatus {
    PENDING, SENT, FAILED
}
