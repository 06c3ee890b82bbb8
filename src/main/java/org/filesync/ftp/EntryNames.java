package org.filesync.ftp;

/**
 * Which listed names must never be used as file names: a listing is the server's word, and a
 * hostile or broken server could name an entry so that it escapes the mirror's root or smuggles a
 * second command into the next one (DESIGN.md, Safety rules). The mirror holds local names to the
 * same rules.
 */
public final class EntryNames {

    /** Sizes beyond this (1 EiB) are not files but garbage in the listing. */
    static final long ABSURD_SIZE = 1L << 60;

    private EntryNames() {
    }

    /** The listing's own "." and ".." entries, which carry no information and are dropped. */
    static boolean isSelfOrParent(String name) {
        return ".".equals(name) || "..".equals(name);
    }

    /** Why {@code name} (one path segment) must not be used, or null when it is safe. */
    public static String rejectionOf(String name) {
        if (name.isEmpty()) {
            return "empty name";
        }
        if (isSelfOrParent(name)) {
            return "name is '" + name + "'";
        }
        if (name.indexOf('/') >= 0) {
            return "name contains '/'";
        }
        if (name.indexOf('\\') >= 0) {
            return "name contains '\\'";
        }
        if (name.indexOf('\0') >= 0) {
            return "name contains NUL";
        }
        if (name.indexOf('\r') >= 0) {
            return "name contains CR";
        }
        if (name.indexOf('\n') >= 0) {
            return "name contains LF";
        }
        return null;
    }

    /** Why {@code size} is impossible, or null. -1 stands for "not listed" and is fine. */
    static String rejectionOfSize(long size) {
        if (size < -1) {
            return "negative size " + size;
        }
        if (size > ABSURD_SIZE) {
            return "absurd size " + size;
        }
        return null;
    }
}
