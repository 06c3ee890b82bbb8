package org.filesync.history;

import org.filesync.ftp.FailureMessages;

/** The database could not be reached or brought up to date: nothing can be run or shown. */
public final class DatabaseUnavailableException extends RuntimeException {

    DatabaseUnavailableException(DatabaseSettings settings, Throwable cause) {
        super("cannot open the database " + settings.displayUrl() + ": " + FailureMessages.ofRootCause(cause), cause);
    }
}
