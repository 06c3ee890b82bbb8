package org.filesync.history;

import java.util.List;

/** One run with each of its file transfers and alerts: what {@code show --json} prints and the dashboard serves. */
public record RunDetails(RunRecord run, List<TransferRecord> transfers, List<NotificationRecord> notifications) {

    public RunDetails {
        transfers = List.copyOf(transfers);
        notifications = List.copyOf(notifications);
    }
}
