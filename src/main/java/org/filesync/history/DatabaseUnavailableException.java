package org.filesync.history;

/** The database could not be reached or brought up to date: nothing can be run or shown. */
public final class DatabaseUnavailableException extends RuntimeException {

    DatabaseUnavailableException(DatabaseSettings settings, Throwable cause) {
        super("cannot open the database " + settings.displayUrl() + ": " + rootMessage(cause), cause);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
