package org.filesync.ftp;

/** Remote paths are joined with '/', whatever the server's own file system uses. */
public final class RemotePaths {

    private RemotePaths() {
    }

    /**
     * {@code folder} + '/' + {@code path}, without doubling a trailing '/' ("/" stays absolute). An
     * empty side is left out: "" is the login folder (or a relative root), and "" joined with "" is ".".
     */
    public static String join(String folder, String path) {
        if (path.isEmpty()) {
            return folder.isEmpty() ? "." : folder;
        }
        if (folder.isEmpty()) {
            return path;
        }
        return folder.endsWith("/") ? folder + path : folder + "/" + path;
    }
}
