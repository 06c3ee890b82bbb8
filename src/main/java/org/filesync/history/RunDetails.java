package org.filesync.history;

import java.util.List;

/** One run with each of its file transfers: what {@code show --json} prints and the dashboard serves. */
public record RunDetails(RunRecord run, List<TransferRecord> transfers) {

    public RunDetails {
        transfers = List.copyOf(transfers);
    }
}
