package org.filesync.testing;

/**
 * Reads the argument of a REST the server accepted: a byte offset in decimal, or one of its own
 * markers ("S" + hex for RETR, "W" + hex for STOR), which only this server can read (RFC 959 §3.5).
 */
final class RestartOffset {

    private RestartOffset() {
    }

    static boolean isServerMarker(String argument) {
        return argument.length() > 1 && argument.length() <= 16 && (argument.charAt(0) == 'S' || argument.charAt(0) == 'W')
                && argument.substring(1).chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    /** The offset a RETR starts at; 0 without REST, -1 for a STOR marker. */
    static long forRetrieve(String restart) {
        return offset(restart, 'S');
    }

    /** The offset a STOR continues at; 0 without REST, -1 for a RETR marker. */
    static long forStore(String restart) {
        return offset(restart, 'W');
    }

    private static long offset(String restart, char markerKind) {
        if (restart == null) {
            return 0;
        }
        if (isServerMarker(restart)) {
            return restart.charAt(0) == markerKind ? Long.parseLong(restart.substring(1), 16) : -1;
        }
        return Long.parseLong(restart);
    }
}
