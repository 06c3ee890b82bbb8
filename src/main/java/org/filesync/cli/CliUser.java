package org.filesync.cli;

/** Who acts from the command line, as the history names them: {@code cli:} and the operating system user. */
final class CliUser {

    private CliUser() {
    }

    static String actor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }
}
