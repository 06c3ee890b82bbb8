package org.filesync.ftp;

/** Remote paths are joined with '/', whatever the server's own file system uses. */
public final class RemotePaths {

    private RemotePaths() {
    }

    /** {@code folder} + '/' + {@code name}, without doubling a trailing '/' ("" and "/" stay relative and absolute). */
    public static String join(String folder, String name) {
        if (folder == null || folder.isEmpty()) {
            return name;
        }
        return folder.endsWith("/") ? folder + name : folder + "/" + name;
    }
}
