package org.filesync.mirror;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.filesync.ftp.TimePrecision;

/**
 * A file as the source listed it when it was last synced: the synced-state catalog's entry.
 * Comparing a source listing with its own earlier listing sidesteps time zones and LIST's
 * minute precision.
 */
public record SyncState(long size, Instant modified) {

    /** Whether {@code listed} shows the same file, comparing times only as precisely as the listing gives them. */
    public boolean matches(TreeEntry listed) {
        if (size != listed.size()) {
            return false;
        }
        if (modified == null || listed.modified() == null) {
            return modified == listed.modified();
        }
        ChronoUnit unit = switch (listed.precision()) {
            case MINUTE -> ChronoUnit.MINUTES;
            case DAY -> ChronoUnit.DAYS;
            default -> ChronoUnit.SECONDS;
        };
        return Objects.equals(modified.truncatedTo(unit), listed.modified().truncatedTo(unit));
    }

    static boolean isCoarse(TimePrecision precision) {
        return precision == TimePrecision.MINUTE || precision == TimePrecision.DAY;
    }
}
