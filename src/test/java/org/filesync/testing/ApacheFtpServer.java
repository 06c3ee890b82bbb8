package org.filesync.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.filesync.demo.EmbeddedFtpServer;

/** Apache FtpServer (embedded, {@link EmbeddedFtpServer}) as a test fixture: MLSD, REST, MD5/XMD5, MODE B refused. */
public final class ApacheFtpServer implements FtpServerFixture {

    public static final String USER = "tester";
    public static final String PASSWORD = "secret-pw";

    private final EmbeddedFtpServer server;
    private final Path root;

    private ApacheFtpServer(EmbeddedFtpServer server, Path root) {
        this.server = server;
        this.root = root;
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

    @Override
    public String name() {
        return "Apache FtpServer";
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public String username() {
        return USER;
    }

    @Override
    public String password() {
        return PASSWORD;
    }

    @Override
    public Path localRoot() {
        return root;
    }

    @Override
    public String remoteRoot() {
        return "/";
    }

    @Override
    public void close() {
        server.close();
    }
}
