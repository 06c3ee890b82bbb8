package org.filesync.cli;

/** The exit codes of the command line contract. */
final class ExitCode {

    /** Success. */
    static final int OK = 0;
    /** The job ran and failed, some files failed, or the job was already running. */
    static final int FAILED = 1;
    /** Usage or configuration error; no run was made. */
    static final int CONFIGURATION = 2;

    private ExitCode() {
    }
}
