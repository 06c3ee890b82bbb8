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

    private final String host;

    private ApacheFtpServer(EmbeddedFtpServer server, Path root, String host) {
        super("Apache FtpServer", server::port, server, root, USER, PASSWORD);
        this.host = host;
    }

    public static ApacheFtpServer start(Path root) {
        return start(root, "127.0.0.1");
    }

    /** On {@code host}: "127.0.0.1", or "::1" (see {@link Ipv6Loopback}). */
    public static ApacheFtpServer start(Path root, String host) {
        return new ApacheFtpServer(EmbeddedFtpServer.start(created(root), USER, PASSWORD, host), root, host);
    }

    /** With explicit FTPS (AUTH TLS) using the key in {@code certificate}. */
    public static ApacheFtpServer startExplicitTls(Path root, TestCertificate certificate) {
        return new ApacheFtpServer(EmbeddedFtpServer.startExplicitTls(created(root), USER, PASSWORD, certificate.keyStore(),
                TestCertificate.STORE_PASSWORD), root, "127.0.0.1");
    }

    @Override
    public String host() {
        return host;
    }

    private static Path created(Path root) {
        try {
            return Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
