package org.filesync.history;

import java.sql.SQLException;
import java.util.Set;

/**
 * Failures that only mean the H2 file is changing hands. In AUTO_SERVER mode the first process to
 * open the file serves it to the others; when that process exits, their connections break and
 * the next one to open the file serves it from then on. Opening the file in the middle of this
 * finds it locked, recently locked, or closing; a transaction open over a broken connection ends
 * with "Connection is broken". Trying again a moment later succeeds.
 */
final class H2Handover {

    /** ERROR_OPENING_DATABASE_1 ("Lock file recently modified"), DATABASE_ALREADY_OPEN_1, CONNECTION_BROKEN_1, DATABASE_CALLED_AT_SHUTDOWN. */
    private static final Set<Integer> ERROR_CODES = Set.of(8000, 90020, 90067, 90121);

    private H2Handover() {
    }

    static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && ERROR_CODES.contains(sql.getErrorCode())) {
                return true;
            }
        }
        return false;
    }
}
