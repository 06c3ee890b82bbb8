package org.filesync.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.filesync.demo.EmbeddedFtpServer;

/** Apache FtpServer (embedded, {@link EmbeddedFtpServer}) as a test fixture: MLSD, REST, MD5/XMD5, MODE B refused. */
public final class ApacheFtpServer extends OneUserServer {

    public static final String USER = "tester";
    public static final String PASSWORD = "secret-pw";

    private ApacheFtpServer(EmbeddedFtpServer server, Path root) {
        super("Apache FtpServer", server::port, server, root, USER, PASSWORD);
    }

    public static ApacheFtpServer start(Path root) {
        return new ApacheFtpServer(EmbeddedFtpServer.start(created(root), USER, PASSWORD), root);
    }

    /** With explicit FTPS (AUTH TLS) using the key in {@code certificate}. */
    public static ApacheFtpServer startExplicitTls(Path root, TestCertificate certificate) {
        return new ApacheFtpServer(EmbeddedFtpServer.startExplicitTls(created(root), USER, PASSWORD, certificate.keyStore(),
                TestCertificate.STORE_PASSWORD), root);
    }

    private static Path created(Path root) {
        try {
            return Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
