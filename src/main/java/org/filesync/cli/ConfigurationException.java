package org.filesync.cli;

/** A usage or configuration problem: printed as it is, exit code 2, and no run is made. */
final class ConfigurationException extends RuntimeException {

    ConfigurationException(String message) {
        super(message);
    }
}
