package org.filesync.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.FaultProxy;
import org.filesync.testing.FaultProxy.Direction;
import org.filesync.testing.FtpServerFixture;
import org.filesync.testing.ReplyScriptServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionFailureTest {

    @TempDir
    Path dir;

    private static FtpSessionSettings to(int port, Duration timeouts) {
        return new FtpSessionSettings(FtpEndpoint.builder("127.0.0.1", port).username("u").connectTimeout(timeouts)
                .idleTimeout(timeouts).build(), "p", BandwidthThrottle.UNLIMITED);
    }

    @Test
    void namesHostAndPortWhenConnectionIsRefused() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        FtpConnectionException e = catchThrowableOfType(
                () -> new CommonsNetSessionFactory(to(closedPort, Duration.ofSeconds(2))).open(),
                FtpConnectionException.class);

        assertThat(e.getMessage()).contains("connection refused").contains("127.0.0.1:" + closedPort);
        assertThat(e.isTransient()).isTrue();
    }

    @Test
    void namesHostAndPortWhenServerNeverGreets() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            FtpConnectionException e = catchThrowableOfType(
                    () -> new CommonsNetSessionFactory(to(silent.getLocalPort(), Duration.ofMillis(500))).open(),
                    FtpConnectionException.class);

            assertThat(e.getMessage()).contains("connect timeout").contains("127.0.0.1:" + silent.getLocalPort());
            assertThat(e.isTransient()).isTrue();
        }
    }

    @Test
    void reportsUnknownHostAsPermanent() {
        FtpSessionSettings unknown = new FtpSessionSettings(FtpEndpoint.builder("no-such-host.invalid", 21).username("u")
                .connectTimeout(Duration.ofSeconds(2)).idleTimeout(Duration.ofSeconds(2)).build(), "p",
                BandwidthThrottle.UNLIMITED);
        FtpConnectionException e = catchThrowableOfType(() -> new CommonsNetSessionFactory(unknown).open(),
                FtpConnectionException.class);

        assertThat(e.getMessage()).contains("unknown host").contains("no-such-host.invalid:21");
        assertThat(e.isTransient()).isFalse();
    }

    @Test
    void reportsReadTimeoutWhenServerFallsSilent() throws Exception {
        try (FtpServerFixture server = ApacheFtpServer.start(dir.resolve("root"));
             FaultProxy proxy = FaultProxy.start(server.host(), server.port())) {
            FtpSessionSettings s = server.settings(proxy.host(), proxy.port());
            FtpSessionSettings shortIdle = new FtpSessionSettings(
                    s.server().toBuilder().idleTimeout(Duration.ofMillis(700)).build(), s.password(), s.throttle());
            try (FtpSession session = new CommonsNetSessionFactory(shortIdle).open()) {
                proxy.stallControlConnections(Direction.TO_CLIENT);
                FtpConnectionException e = catchThrowableOfType(() -> session.size("/x"), FtpConnectionException.class);

                assertThat(e.getMessage()).contains("read timeout").contains(proxy.host() + ":" + proxy.port());
                assertThat(e.connectionLost()).isTrue();
                assertThat(session.isAlive()).isFalse();
            }
        }
    }

    @Test
    void reportsControlConnectionClosedByServerAsLost() throws Exception {
        try (FtpServerFixture server = ApacheFtpServer.start(dir.resolve("root"));
             FaultProxy proxy = FaultProxy.start(server.host(), server.port());
             FtpSession session = new CommonsNetSessionFactory(server.settings(proxy.host(), proxy.port())).open()) {
            proxy.cutControlConnections();
            FtpConnectionException e = catchThrowableOfType(() -> session.list("/"), FtpConnectionException.class);

            assertThat(e.connectionLost()).isTrue();
            assertThat(e.isTransient()).isTrue();
            assertThat(e.getMessage()).contains(proxy.host() + ":" + proxy.port());
        }
    }

    @Test
    void givesUpOnFinalReplyThatNeverComesAfterBrokenDownload() throws Exception {
        // Like pure-ftpd after a dropped RETR data connection: 150, a cut, and then silence.
        try (ReplyScriptServer server = ReplyScriptServer.start()) {
            server.reply("RETR", "150 sending, then never a final reply");
            FtpSessionSettings s = server.settings();
            SessionTimings quickAbort = new SessionTimings(Duration.ZERO, Duration.ofMillis(500));
            try (FtpSession session = new CommonsNetSessionFactory(s, quickAbort).open()) {
                FtpException e = catchThrowableOfType(() -> session.retrieve("/f", dir.resolve("f"),
                        RestartPoint.START, 10, TransferListener.NONE), FtpException.class);

                assertThat(e.connectionLost()).as("%s", e).isTrue();
                assertThat(session.isAlive()).isFalse();
            }
        }
    }
}
