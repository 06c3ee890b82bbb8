package org.filesync.mirror;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Which version of the source a partial file holds bytes of: the size and modify time the source
 * listed when the partial was begun, kept beside it as {@code .NAME.filesync-stamp}. With it a
 * partial is resumed even when the database has no record of it (a commit lost to a crash, a new
 * database, another node), and bytes are never appended to another version's partial.
 */
record PartialStamp(SyncState source) {

    /** Files smaller than this are sent whole rather than stamped: a stamp would cost more than it saves. */
    static final long MIN_SIZE = 1L << 20;
    private static final String HEADER = "filesync partial of";

    static boolean worthStamping(PlannedFile file) {
        return file.size() >= MIN_SIZE;
    }

    static PartialStamp of(PlannedFile file) {
        return new PartialStamp(file.source().state());
    }

    String text() {
        return HEADER + " size=" + source.size() + " modified=" + source.modified() + "\n";
    }

    /** Empty when {@code text} is not a stamp this version of filesync wrote. */
    static Optional<PartialStamp> parse(String text) {
        // the first line: a segmented download's progress follows it (SegmentJournal)
        String[] words = text.lines().findFirst().orElse("").strip().split(" ");
        if (words.length != 5 || !text.startsWith(HEADER + " ") || !words[3].startsWith("size=")
                || !words[4].startsWith("modified=")) {
            return Optional.empty();
        }
        try {
            long size = Long.parseLong(words[3].substring("size=".length()));
            String modified = words[4].substring("modified=".length());
            return Optional.of(new PartialStamp(new SyncState(size, modified.equals("null") ? null : Instant.parse(modified))));
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    boolean matches(PlannedFile file) {
        return source.matches(file.source());
    }
}
