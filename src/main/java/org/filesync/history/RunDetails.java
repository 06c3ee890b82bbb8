package org.filesync.history;

import java.util.List;

/** One run with each of its file transfers, alerts and the actions on it: what {@code show --json} prints and the dashboard serves. */
public record RunDetails(RunRecord run, List<TransferRecord> transfers, List<NotificationRecord> notifications,
                         List<ActionRecord> actions) {

    public RunDetails {
        transfers = List.copyOf(transfers);
        notifications = List.copyOf(notifications);
        actions = List.copyOf(actions);
    }
}
