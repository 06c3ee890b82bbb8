package org.filesync.testing;

import java.nio.file.Path;
import java.time.Duration;
import org.filesync.ftp.BandwidthThrottle;
import org.filesync.ftp.CommonsNetSessionFactory;
import org.filesync.ftp.FtpEndpoint;
import org.filesync.ftp.FtpException;
import org.filesync.ftp.FtpSession;
import org.filesync.ftp.FtpSessionSettings;
import org.filesync.ftp.RemotePaths;

/**
 * A running FTP server for tests: where it listens, who may log in, and which local folder
 * {@link #remoteRoot()} shows, so a test can put files there and compare what arrives.
 */
public interface FtpServerFixture extends AutoCloseable {

    String name();

    default String host() {
        return "127.0.0.1";
    }

    int port();

    String username();

    String password();

    /** The local folder behind {@link #remoteRoot()}, writable by the server. */
    Path localRoot();

    /** The remote path of the folder tests work in ("/" or a writable subfolder). */
    String remoteRoot();

    /** {@code remoteRoot()} joined with {@code relative}. */
    default String remote(String relative) {
        return RemotePaths.join(remoteRoot(), relative);
    }

    /** Plain-FTP passive settings for this server, with short timeouts fit for tests. */
    default FtpSessionSettings settings() {
        return settings(host(), port());
    }

    /** The same, but connecting to {@code host}:{@code port} (a proxy in front of this server). */
    default FtpSessionSettings settings(String host, int port) {
        return new FtpSessionSettings(FtpEndpoint.builder(host, port).username(username())
                .connectTimeout(Duration.ofSeconds(5)).idleTimeout(Duration.ofSeconds(10)).build(), password(),
                BandwidthThrottle.UNLIMITED);
    }

    /** A logged-in session with {@link #settings()}. */
    default FtpSession openSession() throws FtpException {
        return new CommonsNetSessionFactory(settings()).open();
    }

    @Override
    void close();
}
