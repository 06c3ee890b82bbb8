package org.filesync.cli;

import picocli.CommandLine;

/** Entry point of the {@code filesync} command. */
public final class FilesyncMain {

    private FilesyncMain() {
    }

    public static void main(String[] args) {
        System.exit(FilesyncCommand.commandLine().execute(args));
    }
}
