package org.filesync.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A run's file transfers a page at a time, in the order its plan wrote them, optionally of one
 * status. Pages are found by keyset (the transfer id beside the page), not by offset, on the indexes
 * of migration V9: the last page of 100,000 files costs what the first one does.
 */
public final class TransferPages {

    private final JdbcClient jdbc;

    public TransferPages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The page after the transfer {@code after}, or the page before the transfer {@code before}, or
     * the first page when both are null.
     *
     * @param status only the transfers of this status, or all when null
     */
    public TransferPage page(long runId, TransferStatus status, Long after, Long before, int size) {
        boolean backwards = before != null;
        List<Row> rows = new ArrayList<>(query(runId, status, backwards ? before : after, backwards, size + 1));
        boolean more = rows.size() > size;
        if (more) {
            rows.remove(size);
        }
        if (backwards) {
            Collections.reverse(rows);
        }
        boolean hasPrevious = backwards ? more : after != null;
        boolean hasNext = backwards || more;
        return new TransferPage(rows.stream().map(Row::transfer).toList(),
                hasPrevious && !rows.isEmpty() ? rows.get(0).id() : null,
                hasNext && !rows.isEmpty() ? rows.get(rows.size() - 1).id() : null);
    }

    private List<Row> query(long runId, TransferStatus status, Long cursor, boolean backwards, int limit) {
        String sql = "SELECT " + RunHistory.TRANSFER_COLUMNS + ", transfer_id FROM fs_transfer WHERE run_id = :run"
                + (status == null ? "" : " AND status = :status")
                + (cursor == null ? "" : backwards ? " AND transfer_id < :cursor" : " AND transfer_id > :cursor")
                + orderBy(status == null ? "run_id, transfer_id" : "run_id, status, transfer_id", backwards)
                + " FETCH FIRST :limit ROWS ONLY";
        var statement = jdbc.sql(sql).param("run", runId).param("limit", limit);
        if (status != null) {
            statement = statement.param("status", status.name());
        }
        if (cursor != null) {
            statement = statement.param("cursor", cursor);
        }
        return statement.query((rs, row) -> new Row(rs.getLong(12), RunHistory.transfer(rs, row))).list();
    }

    /** In the index's own columns: H2 reads an index in order only for an ORDER BY that starts as the index does. */
    private static String orderBy(String indexColumns, boolean backwards) {
        String direction = backwards ? " DESC" : "";
        return " ORDER BY " + String.join(direction + ", ", indexColumns.split(", ")) + direction;
    }

    private record Row(long id, TransferRecord transfer) {
    }
}
