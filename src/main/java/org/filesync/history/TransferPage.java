package org.filesync.history;

import java.util.List;

/**
 * One page of a run's file transfers, with the cursors of its neighbours.
 *
 * @param previousBefore the cursor of the page before ({@code before=}), null on the first page
 * @param nextAfter the cursor of the page after ({@code after=}), null on the last page
 */
public record TransferPage(List<TransferRecord> transfers, Long previousBefore, Long nextAfter) {

    public TransferPage {
        transfers = List.copyOf(transfers);
    }
}
