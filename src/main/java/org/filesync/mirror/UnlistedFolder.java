package org.filesync.mirror;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A folder whose contents a listing could not see, after its retries: it goes into the history as a
 * FAILED row, names itself in the run's error, and keeps the run from deleting anything.
 *
 * @param path relative to the job's root ("" for the root itself)
 * @param replyCode the server's last reply, or null for a lost connection, a timeout or a local error
 */
public record UnlistedFolder(String path, Integer replyCode, String reason) {

    private static final int NAMED = 3;

    /** The run's error for these folders: the first few by name with their reasons. */
    public static String describe(List<UnlistedFolder> folders) {
        String named = folders.stream().limit(NAMED).map(folder -> folder.displayPath() + " (" + folder.reason() + ")")
                .collect(Collectors.joining(", "));
        String more = folders.size() > NAMED ? " and " + (folders.size() - NAMED) + " more" : "";
        return "listing incomplete, could not list " + (folders.size() == 1 ? "folder " : folders.size() + " folders: ")
                + named + more;
    }

    public String displayPath() {
        return SafePaths.shown(path);
    }
}
