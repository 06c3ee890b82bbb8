package org.filesync.mirror;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A listing line no parser understood that may be a file: the run warns about it and deletes
 * nothing, since the mirror cannot tell what it would delete that the source still has.
 *
 * @param folder relative to the job's root ("" for the root itself)
 * @param line as the server sent it, control characters escaped
 */
public record UnreadableLine(String folder, String line) {

    private static final int QUOTED = 3;

    /** One warning for all of a run's unreadable lines, quoting the first few. */
    public static String describe(List<UnreadableLine> lines) {
        String quoted = lines.stream().limit(QUOTED)
                .map(line -> (line.folder().isEmpty() ? "" : line.folder() + ": ") + "\"" + line.line() + "\"")
                .collect(Collectors.joining(", "));
        String more = lines.size() > QUOTED ? " and " + (lines.size() - QUOTED) + " more" : "";
        return lines.size() + " unparseable listing line(s), not used; nothing is deleted in this run: " + quoted + more;
    }
}
