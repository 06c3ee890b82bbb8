package org.filesync.notify;

/**
 * An alert that did not get through, in words for the history and the log (never the receiver's
 * URL, which may carry a token).
 */
final class DeliveryFailure extends Exception {

    private final boolean permanent;

    /** @param permanent true when trying again cannot help (the receiver refused it, 4xx) */
    DeliveryFailure(String message, boolean permanent) {
        super(message, null, false, false);
        this.permanent = permanent;
    }

    boolean isPermanent() {
        return permanent;
    }
}
