package org.filesync.mirror;

/** The transferred file is not what the source holds: too short (resumable), or too long or wrong checksum (start over). */
final class VerificationException extends Exception {

    private final boolean startOver;

    VerificationException(String message, boolean startOver) {
        super(message);
        this.startOver = startOver;
    }

    boolean startOver() {
        return startOver;
    }
}
