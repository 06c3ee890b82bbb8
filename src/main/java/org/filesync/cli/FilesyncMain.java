package org.filesync.cli;

import picocli.CommandLine;

/** Entry point of the {@code filesync} command. */
public final class FilesyncMain {

    private FilesyncMain() {
    }

    public static void main(String[] args) {
        // vsftpd (require_ssl_reuse) accepts an FTPS data connection only when it resumes the control
        // connection's TLS session; with session tickets the JDK drops the session vsftpd issues
        // (its lifetime exceeds the JDK's limit), so resumption and every data connection fail.
        // Set here, before any TLS class loads, so that every launcher gets it.
        if (System.getProperty("jdk.tls.client.enableSessionTicketExtension") == null) {
            System.setProperty("jdk.tls.client.enableSessionTicketExtension", "false");
        }
        System.exit(FilesyncCommand.commandLine(args).execute(args));
    }
}
