package org.filesync.mirror;

/**
 * The source file changed while it was read (it grew, or its modify time moved): what arrived is
 * no version of it worth keeping.
 */
final class SourceChangedException extends Exception {

    static final String MESSAGE = "source changed during transfer";

    private final PlannedFile current;

    /** @param current the source as it is now, which a second attempt expects */
    SourceChangedException(PlannedFile current) {
        super(MESSAGE, null, false, false);
        this.current = current;
    }

    PlannedFile current() {
        return current;
    }
}
